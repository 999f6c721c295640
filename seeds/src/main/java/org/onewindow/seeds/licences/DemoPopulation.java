package org.onewindow.seeds.licences;

import org.onewindow.schemas.licences.Licence;
import org.onewindow.schemas.licences.LicenceIdentifier;
import org.onewindow.schemas.licences.LicenceStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Who holds which demo e-licence, and who issued it: the fixed content behind seeds/licences/. Everything
 * here is invented demo data; the ID numbers and credit codes have valid check characters.
 */
final class DemoPopulation {

    /** An issuing authority of the demo; {@code trusted} false: its key is left out of the trust list. */
    record Issuer(String code, String name, String nameEn, boolean trusted, List<String> licenceTypes) {
    }

    static final Issuer PUBLIC_SECURITY = new Issuer("11320100MB0000011N", "南京市公安局", "Public Security Bureau", true,
            List.of("resident-id-card", "household-register"));
    static final Issuer MARKET_REGULATION = new Issuer("11320100MB0000022T", "南京市市场监督管理局",
            "Market Regulation Administration", true, List.of("business-licence", "food-business-licence"));
    static final Issuer REAL_ESTATE = new Issuer("12320100MB0000033U", "南京市不动产登记中心",
            "Real Estate Registration Centre", true, List.of("real-estate-certificate"));
    static final Issuer CIVIL_AFFAIRS = new Issuer("11320100MB00000443", "南京市民政局", "Civil Affairs Bureau", true,
            List.of("marriage-certificate"));
    static final Issuer HEALTH = new Issuer("11320100MB00000557", "南京市卫生健康委员会", "Health Commission", true,
            List.of("birth-medical-certificate"));
    /** Signs like an issuer but is on no trust list: its licences must fail with UNKNOWN_ISSUER. */
    static final Issuer UNKNOWN = new Issuer("11320100MB0000099P", "南京市某证照服务中心（未列入信任列表）",
            "an office on no trust list", false, List.of("household-register", "real-estate-certificate"));

    static final List<Issuer> ISSUERS = List.of(PUBLIC_SECURITY, MARKET_REGULATION, REAL_ESTATE, CIVIL_AFFAIRS, HEALTH, UNKNOWN);

    static final String ZHANG_SAN = "11010519491231002X";
    static final String WANG_QIANG = "110105194805050015";
    static final String LI_SI = "320102198001011238";
    static final String ZHAO_LIU = "440305199003013458";
    static final String COMPANY = "91320102MA1XYW123R";

    private static final String ID_CARD = "11100000000000000101";
    private static final String HOUSEHOLD = "11100000000000000102";
    private static final String BUSINESS = "11100000000000000201";
    private static final String FOOD = "11100000000000000202";
    private static final String REAL_ESTATE_CERT = "11100000000000000301";
    private static final String MARRIAGE = "11100000000000000401";
    private static final String BIRTH = "11100000000000000501";

    private DemoPopulation() {
    }

    /** The demo licences, unsigned, in the order they are written. */
    static List<Licence> licences() {
        List<Licence> all = new ArrayList<>();
        // 张三 (female, born 1949): the good licences of a person
        all.add(person(ID_CARD, "resident-id-card", PUBLIC_SECURITY, "000101", ZHANG_SAN, "居民身份证", "张三", ZHANG_SAN,
                date("2015-06-01"), null, LicenceStatus.VALID));
        all.add(person(HOUSEHOLD, "household-register", PUBLIC_SECURITY, "000102", "110105001234", "居民户口簿", "张三", ZHANG_SAN,
                date("2010-03-15"), null, LicenceStatus.VALID));
        all.add(person(MARRIAGE, "marriage-certificate", CIVIL_AFFAIRS, "000401", "J110105-1975-000123", "结婚证（配偶：王强）", "张三",
                ZHANG_SAN, date("1975-05-20"), null, LicenceStatus.VALID));
        all.add(person(REAL_ESTATE_CERT, "real-estate-certificate", REAL_ESTATE, "000301", "京(2020)朝阳区不动产权第0012345号",
                "不动产权证书", "张三", ZHANG_SAN, date("2020-08-10"), null, LicenceStatus.VALID));
        // the newborn 张小宝's birth medical certificate, held under the mother's ID number
        all.add(person(BIRTH, "birth-medical-certificate", HEALTH, "000501", "Q320100123456", "出生医学证明（新生儿：张小宝）", "张三",
                ZHANG_SAN, date("2026-11-20"), null, LicenceStatus.VALID));
        // 王强 (male, born 1948), 张三's spouse
        all.add(person(ID_CARD, "resident-id-card", PUBLIC_SECURITY, "000103", WANG_QIANG, "居民身份证", "王强", WANG_QIANG,
                date("2014-09-01"), null, LicenceStatus.VALID));
        all.add(person(MARRIAGE, "marriage-certificate", CIVIL_AFFAIRS, "000402", "J110105-1975-000123", "结婚证（配偶：张三）", "王强",
                WANG_QIANG, date("1975-05-20"), null, LicenceStatus.VALID));
        // 李四, the seller of the flat-transfer demo case
        all.add(person(ID_CARD, "resident-id-card", PUBLIC_SECURITY, "000104", LI_SI, "居民身份证", "李四", LI_SI,
                date("2016-05-01"), date("2036-05-01"), LicenceStatus.VALID));
        all.add(person(REAL_ESTATE_CERT, "real-estate-certificate", REAL_ESTATE, "000302", "(2019)0001", "不动产权证书", "李四", LI_SI,
                date("2019-04-18"), null, LicenceStatus.VALID));
        // the restaurant of the demo bundle
        all.add(company(BUSINESS, "business-licence", MARKET_REGULATION, "000201", COMPANY, "营业执照",
                date("2021-03-15"), null));
        all.add(company(FOOD, "food-business-licence", MARKET_REGULATION, "000202", "JY13201020012345", "食品经营许可证",
                date("2021-04-01"), date("2031-03-31")));
        all.add(company(REAL_ESTATE_CERT, "real-estate-certificate", REAL_ESTATE, "000303", "苏(2021)南京市不动产权第0023456号",
                "不动产权证书", date("2021-02-01"), null));
        // 赵六: one good ID card (the cache test revokes it at run time) and the deliberately bad licences
        all.add(person(ID_CARD, "resident-id-card", PUBLIC_SECURITY, "000105", ZHAO_LIU, "居民身份证", "赵六", ZHAO_LIU,
                date("2024-03-02"), date("2044-03-02"), LicenceStatus.VALID));
        all.add(person(ID_CARD, "resident-id-card", PUBLIC_SECURITY, "000106", ZHAO_LIU, "居民身份证", "赵六", ZHAO_LIU,
                date("2014-03-01"), date("2024-03-01"), LicenceStatus.VALID)); // bad: expired
        all.add(person(REAL_ESTATE_CERT, "real-estate-certificate", REAL_ESTATE, "000304", "苏(2018)南京市不动产权第0000666号",
                "不动产权证书", "赵六", ZHAO_LIU, date("2018-06-06"), null, LicenceStatus.REVOKED)); // bad: revoked
        all.add(person(HOUSEHOLD, "household-register", PUBLIC_SECURITY, "000107", "440305006666", "居民户口簿", "赵六", ZHAO_LIU,
                date("2012-01-10"), null, LicenceStatus.SUSPENDED)); // bad: suspended
        all.add(person(HOUSEHOLD, "household-register", UNKNOWN, "000108", "440305007777", "居民户口簿", "赵六", ZHAO_LIU,
                date("2022-02-22"), null, LicenceStatus.VALID)); // bad: unknown issuer
        Licence wrongCheck = person(MARRIAGE, "marriage-certificate", CIVIL_AFFAIRS, "000403", "J440305-2015-000777",
                "结婚证", "赵六", ZHAO_LIU, date("2015-10-01"), null, LicenceStatus.VALID);
        all.add(withWrongCheckCharacter(wrongCheck)); // bad: wrong check character
        return all;
    }

    /** The licences deliberately bad, by identifier: what the verifier must find wrong with each. */
    static List<String> badSerials() {
        return List.of("000106", "000304", "000107", "000108", "000403");
    }

    private static Licence person(String typeCode, String licenceType, Issuer issuer, String serial, String number, String name,
                                  String holderName, String holderId, LocalDate issued, LocalDate validTo, LicenceStatus status) {
        return new Licence(LicenceIdentifier.of(typeCode, issuer.code(), serial, "1").toString(), typeCode, licenceType, number,
                name, holderName, holderId, Licence.ID_CARD, issuer.name(), issuer.code(), issued, issued, validTo, status, null);
    }

    private static Licence company(String typeCode, String licenceType, Issuer issuer, String serial, String number, String name,
                                   LocalDate issued, LocalDate validTo) {
        return new Licence(LicenceIdentifier.of(typeCode, issuer.code(), serial, "1").toString(), typeCode, licenceType, number,
                name, "南京味道餐饮有限公司", COMPANY, Licence.CREDIT_CODE, issuer.name(), issuer.code(), issued, issued, validTo,
                LicenceStatus.VALID, null);
    }

    /** The same licence under its identifier with the next check character: a typo the check character must catch. */
    private static Licence withWrongCheckCharacter(Licence good) {
        String id = good.identifier();
        char right = id.charAt(id.length() - 1);
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        char wrong = alphabet.charAt((alphabet.indexOf(right) + 1) % alphabet.length());
        return new Licence(id.substring(0, id.length() - 1) + wrong, good.typeCode(), good.licenceType(), good.number(),
                good.name(), good.holderName(), good.holderId(), good.holderIdType(), good.issuer(), good.issuerCode(),
                good.issueDate(), good.validFrom(), good.validTo(), good.status(), null);
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
