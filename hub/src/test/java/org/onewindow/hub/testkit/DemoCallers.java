package org.onewindow.hub.testkit;

/**
 * The demo callers of seeds/security (clients.yaml, people.yaml) and seeds/demo/holder-tokens.yaml, with the demo
 * secrets README.md lists: who a test calls the hub as.
 */
public enum DemoCallers {
    HALL_XUANWU("hall-xuanwu", "demo-xuanwu-secret", "intake verifier"),
    HALL_GULOU("hall-gulou", "demo-gulou-secret", "intake verifier"),
    TAX("dept-tax", "demo-tax-secret", "department:tax verifier"),
    SOCIAL_INSURANCE("dept-social-insurance", "demo-social-insurance-secret", "department:social-insurance verifier"),
    REAL_ESTATE("dept-real-estate", "demo-real-estate-secret", "department:real-estate verifier"),
    POLICE("dept-police", "demo-police-secret", "department:police verifier"),
    PROVINCIAL("dept-provincial", "demo-provincial-secret", "department:provincial verifier"),
    HOUSING_FUND("dept-housing-fund", "demo-housing-fund-secret", "department:housing-fund verifier"),
    PROVINCE("province", "demo-province-secret", "province"),
    PROMETHEUS("prometheus", "demo-prometheus-secret", "metrics"),
    /** people: HTTP Basic with their login */
    OPERATOR("operator", "demo-operator-pass", null),
    AUDITOR("auditor", "demo-auditor-pass", null),
    ADMIN("admin", "demo-admin-pass", null);

    /** Holder tokens (seeds/demo/holder-tokens.yaml). */
    public static final String ZHANG_SAN_TOKEN = "demo-zhangsan-3f9c2a";
    public static final String LI_SI_TOKEN = "demo-lisi-7b41e0";
    public static final String COMPANY_TOKEN = "demo-company-c85d17";
    public static final String WANG_QIANG_TOKEN = "demo-wangqiang-e2a6b4";

    final String id;
    final String secret;
    /** the scopes a system asks for; null for a person */
    final String scopes;

    DemoCallers(String id, String secret, String scopes) {
        this.id = id;
        this.secret = secret;
        this.scopes = scopes;
    }

    public String id() {
        return id;
    }

    public String secret() {
        return secret;
    }

    public boolean isPerson() {
        return scopes == null;
    }
}
