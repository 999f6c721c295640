package org.onewindow.hub.testkit;

/**
 * The demo population the social-insurance simulator knows (seeds/simulators/social-insurance/mappings):
 * each applicant makes the simulator play one behaviour.
 */
public final class DemoApplicants {
    private DemoApplicants() {
    }

    /** accepted */
    public static final String ZHANG_SAN = "11010519491231002X";
    /** rejected: already enrolled (E2001) */
    public static final String LI_SI = "320102198001011238";
    /** the bureau answers 503, always */
    public static final String WANG_WU = "320102198506152343";
    /** 503 three times, then accepted */
    public static final String ZHAO_LIU = "440305199003013458";
    /** answers after 8 seconds */
    public static final String QIAN_QI = "510107199511204568";
    /** reply without a result code */
    public static final String SUN_BA = "330106198808085673";
    /** a valid ID number no stub singles out: accepted */
    public static final String ZHOU_JIU = "420102200002296785";

    public static String enrolment(String name, String idNumber) {
        return """
                {"itemCode":"SI-PERSON-ENROLMENT",
                 "applicant":{"kind":"PERSON","name":"%s","idNumber":"%s","mobile":"13800138000"},
                 "form":{"startDate":"2026-12-01"},
                 "materials":[{"code":"labour-contract","documentRef":"doc-1"}]}""".formatted(name, idNumber);
    }
}
