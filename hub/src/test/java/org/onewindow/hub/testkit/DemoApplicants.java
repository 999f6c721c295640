package org.onewindow.hub.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The demo population the social-insurance simulator knows (seeds/simulators/social-insurance/mappings):
 * each applicant makes the simulator play one behaviour.
 *
 * <p>Most of them hold no e-licences, so the cases built here bring every material the items require on paper
 * (the catalogue decides which): they test how departments behave, and no material look-up stands in the way.
 * The material resolution itself is tested with the seeded demo cases (seeds/demo), whose applicants hold
 * e-licences in the library.
 */
public final class DemoApplicants {
    private DemoApplicants() {
    }

    private static final JsonNode CATALOGUE_ITEMS = readItems();
    private static final JsonNode CATALOGUE_BUNDLES = readBundles();

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

    /** a valid ID number no stub singles out; has a demo holder token and no other test's cases */
    public static final String WANG_QIANG = "32010619920315451X";
    /** the employer in seeds/demo/enrolment-case.json */
    public static final String DEMO_COMPANY = "91320102MA1XYW123R";

    /**
     * The demo bearer tokens for GET /api/v1/my-data-access (seeds/demo/holder-tokens.yaml keeps their SHA-256).
     */
    public static final String ZHANG_SAN_TOKEN = "demo-zhangsan-3f9c2a";
    public static final String LI_SI_TOKEN = "demo-lisi-7b41e0";
    public static final String DEMO_COMPANY_TOKEN = "demo-company-c85d17";
    public static final String WANG_QIANG_TOKEN = "demo-wangqiang-e2a6b4";

    /** 开办餐饮店 applied for by the founder. */
    public static String restaurant(String founder, String idNumber) {
        return """
                {"bundleCode":"OPEN-RESTAURANT",
                 "applicant":{"kind":"PERSON","name":"%s","idNumber":"%s","mobile":"13800138000"},
                 "form":{"companyName":"南京味道餐饮有限公司","businessScope":"餐饮服务","registeredCapital":"500000",
                         "address":"南京市玄武区中山路1号"},
                 "materials":%s}""".formatted(founder, idNumber, onPaper("OPEN-RESTAURANT"));
    }

    /** 二手房转移登记 applied for by the buyer. */
    public static String flatTransfer(String buyer, String idNumber) {
        return """
                {"bundleCode":"TRANSFER-SECOND-HAND-FLAT",
                 "applicant":{"kind":"PERSON","name":"%s","idNumber":"%s","mobile":"13800138000"},
                 "form":{"sellerName":"李四","sellerIdNumber":"320102198001011238","propertyCertificateNo":"(2019)0001",
                         "address":"南京市鼓楼区北京西路2号","area":"89.5","price":"2100000"},
                 "materials":%s}""".formatted(buyer, idNumber, onPaper("TRANSFER-SECOND-HAND-FLAT"));
    }

    /** 新生儿出生一件事 applied for by a parent. */
    public static String birth(String parent, String idNumber) {
        return """
                {"bundleCode":"BIRTH-OF-A-CHILD",
                 "applicant":{"kind":"PERSON","name":"%s","idNumber":"%s","mobile":"13800138000"},
                 "form":{"newbornName":"张小宝","birthDate":"2026-11-20","gender":"M","birthCertificateNo":"Q320000001"},
                 "materials":%s}""".formatted(parent, idNumber, onPaper("BIRTH-OF-A-CHILD"));
    }

    /** One item for one applicant, with a form. */
    public static String item(String itemCode, String kind, String name, String identifier, String formJson) {
        String identifierField = "COMPANY".equals(kind) ? "creditCode" : "idNumber";
        return """
                {"itemCode":"%s","applicant":{"kind":"%s","name":"%s","%s":"%s","mobile":"13800138000"},"form":%s,"materials":%s}"""
                .formatted(itemCode, kind, name, identifierField, identifier, formJson, onPaper(itemCode));
    }

    public static String enrolment(String name, String idNumber) {
        return """
                {"itemCode":"SI-PERSON-ENROLMENT",
                 "applicant":{"kind":"PERSON","name":"%s","idNumber":"%s","mobile":"13800138000"},
                 "form":{"startDate":"2026-12-01"},
                 "materials":%s}""".formatted(name, idNumber, onPaper("SI-PERSON-ENROLMENT"));
    }

    /** Every material the item, or every item of the bundle, requires, as documents the applicant brought. */
    public static String onPaper(String serviceCode) {
        Set<String> codes = new LinkedHashSet<>();
        bundleItems(serviceCode).forEach(item -> codes.addAll(materialsOf(item)));
        if (codes.isEmpty()) {
            codes.addAll(materialsOf(serviceCode));
        }
        return codes.stream().map(code -> "{\"code\":\"" + code + "\",\"documentRef\":\"paper-" + code + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    /** The items of a bundle's steps, those of the bundles it includes first (none for a code that is no bundle). */
    private static Set<String> bundleItems(String bundleCode) {
        Set<String> items = new LinkedHashSet<>();
        for (JsonNode bundle : CATALOGUE_BUNDLES) {
            if (bundle.path("code").asText().equals(bundleCode)) {
                bundle.path("includes").forEach(included -> items.addAll(bundleItems(included.asText())));
                bundle.path("steps").forEach(step -> items.add(step.path("item").asText()));
            }
        }
        return items;
    }

    private static Set<String> materialsOf(String itemCode) {
        Set<String> codes = new LinkedHashSet<>();
        for (JsonNode item : CATALOGUE_ITEMS) {
            if (item.path("code").asText().equals(itemCode)) {
                item.path("materials").forEach(m -> codes.add(m.path("code").asText()));
            }
        }
        return codes;
    }

    /** The items of every catalogue file (items.yaml, and the housing fund's own file). */
    private static JsonNode readItems() {
        com.fasterxml.jackson.databind.node.ArrayNode items = new YAMLMapper().createArrayNode();
        try (var files = java.nio.file.Files.list(Path.of("../seeds/catalogue"))) {
            files.filter(file -> file.toString().endsWith(".yaml")).sorted()
                    .forEach(file -> read(file.getFileName().toString()).path("items").forEach(items::add));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return items;
    }

    private static JsonNode readBundles() {
        return read("bundles.yaml").path("bundles");
    }

    private static JsonNode read(String file) {
        try {
            return new YAMLMapper().readTree(Path.of("../seeds/catalogue", file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
