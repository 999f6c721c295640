package org.onewindow.hub.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.schemas.catalogue.Bundle;
import org.onewindow.schemas.catalogue.Catalogue;
import org.onewindow.schemas.catalogue.Item;
import org.onewindow.schemas.catalogue.ItemType;
import org.onewindow.schemas.catalogue.TimeLimit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogueLoaderTest {

    private static final String SCHEMA = "classpath:contracts/catalogue.schema.json";
    /** The hall's office hours as application.yaml sets them: 7 working hours a day. */
    static final List<WorkingCalendar.Session> OFFICE_HOURS =
            List.of(WorkingCalendar.Session.parse("09:00-12:00"), WorkingCalendar.Session.parse("13:30-17:30"));
    /** Limits and a basis for a test item written in YAML flow style. */
    private static final String LIMITS = "legalLimit: { amount: 5, unit: working-days }, "
            + "promisedLimit: { amount: 0, unit: working-days }, "
            + "legalBasis: { nameZh: 某条例, name: Some regulation, articles: 第一条, effective: 2020-01-01 }";
    private final CatalogueLoader loader = new CatalogueLoader(new ObjectMapper().registerModule(new JavaTimeModule()), OFFICE_HOURS);

    @TempDir
    Path folder;

    @Test
    void seededCatalogueHasWhatTheHubPromises() {
        Catalogue catalogue = loader.load("classpath*:seeds/catalogue/*.yaml", SCHEMA).catalogue();
        assertThat(catalogue.departments()).extracting("code")
                .contains("tax", "social-insurance", "real-estate", "police", "provincial", "market-regulation");
        assertThat(catalogue.items()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(catalogue.items()).extracting(Item::handling).contains(Item.Handling.IMMEDIATE, Item.Handling.PROMISED);
        assertThat(catalogue.bundles()).extracting(Bundle::nameZh).contains("开办餐饮店", "二手房转移登记", "新生儿出生一件事");
        assertThat(catalogue.bundles()).allSatisfy(b -> assertThat(b.steps()).anySatisfy(s -> assertThat(s.dependsOn()).isNotEmpty()));
        assertThat(catalogue.licenceTypes()).hasSizeGreaterThanOrEqualTo(7);
        assertThat(catalogue.sharingAgreements()).isNotEmpty();
        assertThat(catalogue.calendar()).extracting("year").contains(2026);
    }

    @Test
    void openingARestaurantIsOpeningACompanyAndTheFoodLicenceWithinTheLicencesLegalLimit() {
        Catalogue catalogue = loader.load("classpath*:seeds/catalogue/*.yaml", SCHEMA).catalogue();
        Bundle company = bundle(catalogue, "COMPANY-OPENING");
        Bundle restaurant = bundle(catalogue, "OPEN-RESTAURANT");
        assertThat(company.promisedLimit()).isEqualTo(TimeLimit.workingHours(2));
        assertThat(company.steps()).extracting(Bundle.Step::id).contains("company-establishment", "seal-filing",
                "invoice-application", "unit-social-insurance", "unit-medical-insurance", "housing-fund-deposit");
        assertThat(company.steps()).filteredOn(step -> !step.id().equals("company-establishment"))
                .allSatisfy(step -> assertThat(step.dependsOn()).containsExactly("company-establishment"));
        // every step of 企业开办, as it is there (item and dependencies), first; then the food business licence
        assertThat(restaurant.includes()).containsExactly("COMPANY-OPENING");
        assertThat(restaurant.steps().subList(0, company.steps().size())).isEqualTo(company.steps());
        assertThat(restaurant.steps().subList(company.steps().size(), restaurant.steps().size()))
                .extracting(Bundle.Step::item).containsExactly("MR-FOOD-BUSINESS-LICENCE");
        // the restaurant's promise is no longer than the food licence's legal limit (10 working days)
        WorkingCalendar calendar = new WorkingCalendar(new DeadlineCalendar(catalogue.calendar()), OFFICE_HOURS,
                java.time.ZoneId.of("Asia/Shanghai"));
        assertThat(calendar.limitMinutes(restaurant.promisedLimit()).getAsLong())
                .isLessThanOrEqualTo(calendar.limitMinutes(item(catalogue, "MR-FOOD-BUSINESS-LICENCE").legalLimit()).getAsLong());
        // the newborn's vaccination certificate, from the health commission through the provincial platform
        assertThat(bundle(catalogue, "BIRTH-OF-A-CHILD").steps()).extracting(Bundle.Step::item).contains("HC-VACCINATION-CERTIFICATE");
        assertThat(catalogue.departments()).filteredOn(d -> d.code().equals("health"))
                .singleElement().satisfies(d -> assertThat(d.reachedThrough()).isEqualTo("provincial"));
    }

    @Test
    void schemaFaultNamesFileEntryAndField() throws IOException {
        write("items.yaml", """
                items:
                  - code: SI-X
                    name: X
                    nameZh: 某事项
                    type: licensing
                    department: social-insurance
                    legalLimit: { amount: 5, unit: working-days }
                    promisedLimit: { amount: 1, unit: working-days }
                    legalBasis: { nameZh: 某条例, name: Some regulation, articles: 第一条, effective: 2020-01-01 }
                    handling: promised
                    materials:
                      - { code: m1, name: M, nameZh: 材料, source: fax }
                """);
        assertThatThrownBy(this::loadFolder).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("items.yaml: items[0] (SI-X), field materials[0].source");
    }

    @Test
    void unknownFieldAndMissingFieldAreBothReported() throws IOException {
        write("departments.yaml", """
                departments:
                  - { code: tax, name: Tax, nameZh: 税务, dialect: soap, colour: red }
                  - { code: police, name: Police, dialect: soap }
                """);
        assertThatThrownBy(this::loadFolder).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("departments.yaml: departments[0] (tax)").hasMessageContaining("colour")
                .hasMessageContaining("departments.yaml: departments[1] (police)").hasMessageContaining("nameZh");
    }

    @Test
    void referencesBetweenEntriesAreChecked() throws IOException {
        write("a.yaml", """
                departments:
                  - { code: tax, name: Tax, nameZh: 税务, dialect: soap }
                items:
                  - { code: TAX-A, name: A, nameZh: 甲, type: collection, department: taxes, LIMITS,
                      handling: immediate, materials: [] }
                  - { code: TAX-B, name: B, nameZh: 乙, type: collection, department: tax, LIMITS,
                      handling: immediate,
                      materials: [ { code: mm, name: M, nameZh: 材料, source: licence, licenceType: no-such-licence } ] }
                bundles:
                  - code: LOOP
                    name: Loop
                    nameZh: 循环
                    promisedLimitDays: 1
                    steps:
                      - { id: step-a, item: TAX-A, dependsOn: [step-b] }
                      - { id: step-b, item: TAX-B, dependsOn: [step-a] }
                      - { id: step-c, item: TAX-C, dependsOn: [step-z] }
                """.replace("LIMITS", LIMITS));
        assertThatThrownBy(this::loadFolder).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("a.yaml: items[0] (TAX-A), field department: unknown department 'taxes'")
                .hasMessageContaining("a.yaml: items[1] (TAX-B), field materials[0].licenceType: unknown licence type 'no-such-licence'")
                .hasMessageContaining("a.yaml: bundles[0] (LOOP), field steps[2].item: unknown item 'TAX-C'")
                .hasMessageContaining("a.yaml: bundles[0] (LOOP), field steps[2].dependsOn: unknown step 'step-z'")
                .hasMessageContaining("a.yaml: bundles[0] (LOOP), field steps: the steps depend on each other in a circle");
    }

    @Test
    void aStepThatNeedsARecordAnotherStepProducesMustWaitForIt() throws IOException {
        write("a.yaml", """
                departments:
                  - { code: tax, name: Tax, nameZh: 税务, dialect: soap }
                  - { code: police, name: Police, nameZh: 公安, dialect: soap }
                items:
                  - { code: TAX-A, name: A, nameZh: 甲, type: collection, department: tax, LIMITS,
                      handling: immediate, produces: [tax-record], materials: [] }
                  - { code: PS-B, name: B, nameZh: 乙, type: collection, department: police, LIMITS,
                      handling: immediate, materials: [
                        { code: tax-record, name: T, nameZh: 税务记录, source: shared-data, sharedData: { department: tax, dataItem: tax-record } } ] }
                bundles:
                  - { code: SIDE-BY-SIDE, name: S, nameZh: 并行, promisedLimitDays: 1,
                      steps: [ { id: pay, item: TAX-A }, { id: file, item: PS-B } ] }
                  - { code: IN-TURN, name: T, nameZh: 依次, promisedLimitDays: 1,
                      steps: [ { id: pay, item: TAX-A }, { id: check, item: TAX-A, dependsOn: [pay] }, { id: file, item: PS-B, dependsOn: [check] } ] }
                """.replace("LIMITS", LIMITS));
        assertThatThrownBy(this::loadFolder).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("a.yaml: bundles[0] (SIDE-BY-SIDE), field steps[1].dependsOn: step 'file' needs tax-record, "
                        + "which step 'pay' produces in the same case: it must depend on 'pay', or its item must not ask for tax-record")
                .message().doesNotContain("IN-TURN").doesNotContain("step 'pay' needs");
    }

    @Test
    void aFormFieldNamingAHolderMustSayWhetherItIsAPersonOrACompany() throws IOException {
        write("a.yaml", """
                departments:
                  - { code: tax, name: Tax, nameZh: 税务, dialect: soap }
                licenceTypes:
                  - { code: a-card, typeCode: "11100000000000000191", name: A, nameZh: 甲证, issuer: X, holderKind: person }
                items:
                  - { code: TAX-A, name: A, nameZh: 甲, type: collection, department: tax, LIMITS,
                      handling: immediate, materials: [
                        { code: rec, name: R, nameZh: 记录, source: shared-data, sharedData: { department: tax, dataItem: tax-record },
                          holder: { idField: employerCode } },
                        { code: card, name: C, nameZh: 证, source: licence, licenceType: a-card,
                          holder: { idField: sellerCode, kind: company } },
                        { code: card2, name: C2, nameZh: 证二, source: licence, licenceType: a-card, holder: { idField: buyerId } } ] }
                """.replace("LIMITS", LIMITS));
        assertThatThrownBy(this::loadFolder).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("a.yaml: items[0] (TAX-A), field materials[0].holder.kind: say whether form.employerCode names a person or a company")
                .hasMessageContaining("a.yaml: items[0] (TAX-A), field materials[1].holder.kind: is company, but licence type 'a-card' is held by a person")
                .message().doesNotContain("materials[2]");
    }

    @Test
    void calendarAdjustedWorkdayMustBeAWeekendDay() throws IOException {
        write("calendar.yaml", """
                calendar:
                  - year: 2026
                    source: test
                    holidays: []
                    adjustedWorkdays: [2026-01-05]
                """);
        assertThatThrownBy(this::loadFolder).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("calendar.yaml: calendar[0] (2026), field adjustedWorkdays[0]: 2026-01-05 is a MONDAY");
    }

    @Test
    void licenceTypesNeedADistinctTwentyDigitNationalTypeCode() throws IOException {
        write("licence-types.yaml", """
                licenceTypes:
                  - { code: a-card, typeCode: "11100000000000000101", name: A, nameZh: 甲证, issuer: X, holderKind: person }
                  - { code: b-card, typeCode: "11100000000000000101", name: B, nameZh: 乙证, issuer: X, holderKind: person }
                """);
        assertThatThrownBy(this::loadFolder).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("licence-types.yaml: licenceTypes[1] (b-card), field typeCode: national type code 11100000000000000101 is already the code of 'a-card'");
        write("licence-types.yaml", """
                licenceTypes:
                  - { code: c-card, typeCode: "1110-short", name: C, nameZh: 丙证, issuer: X, holderKind: person }
                  - { code: d-card, name: D, nameZh: 丁证, issuer: X, holderKind: person }
                """);
        assertThatThrownBy(this::loadFolder).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("licenceTypes[0] (c-card), field typeCode")
                .hasMessageContaining("licenceTypes[1] (d-card)").hasMessageContaining("typeCode");
    }

    @Test
    void seededItemsCarryTheirLegalBasisAndLimitsAsTheRegulationsStateThem() {
        Catalogue catalogue = loader.load("classpath*:seeds/catalogue/*.yaml", SCHEMA).catalogue();
        assertThat(catalogue.items()).allSatisfy(item -> {
            assertThat(item.legalBasis().nameZh()).as(item.code()).isNotBlank();
            assertThat(item.legalBasis().articles()).as(item.code()).isNotBlank();
            assertThat(item.legalBasis().effective()).as(item.code()).isBefore(LocalDate.of(2026, 12, 7));
            assertThat(item.promisedLimit().isWorkingTime()).as(item.code()).isTrue();
        });
        Item company = item(catalogue, "MR-COMPANY-ESTABLISHMENT");
        assertThat(company.legalLimit()).isEqualTo(new TimeLimit(3, TimeLimit.Unit.WORKING_DAYS, 3));
        assertThat(company.legalBasis().document()).isEqualTo("国务院令第746号");
        assertThat(company.legalBasis().articles()).isEqualTo("第十九条");
        assertThat(company.legalBasis().effective()).isEqualTo(LocalDate.of(2022, 3, 1));
        assertThat(item(catalogue, "MR-FOOD-BUSINESS-LICENCE").legalBasis().document()).isEqualTo("国家市场监督管理总局令第78号");
        // the office's limits, not the applicant's filing deadlines: the tax office registers the same day, and no law
        // gives the police a limit for a birth registration (the month of 户口登记条例 art. 7 is the parents')
        assertThat(item(catalogue, "TAX-REGISTRATION").legalLimit()).isEqualTo(TimeLimit.workingDays(0));
        assertThat(item(catalogue, "PS-BIRTH-REGISTRATION").legalLimit()).isEqualTo(TimeLimit.none());
        assertThat(item(catalogue, "SI-UNIT-REGISTRATION").legalLimit()).isEqualTo(new TimeLimit(15, TimeLimit.Unit.DAYS, null));
    }

    @Test
    void anItemWithoutALegalBasisIsRefusedNamingFileItemAndField() throws IOException {
        write("items.yaml", """
                items:
                  - { code: SI-X, name: X, nameZh: 某事项, type: confirmation, department: social-insurance,
                      legalLimit: { amount: 5, unit: working-days }, promisedLimit: { amount: 1, unit: working-days },
                      handling: promised, materials: [] }
                  - { code: SI-Y, name: Y, nameZh: 某事项乙, type: confirmation, department: social-insurance,
                      legalLimit: { amount: 5, unit: working-days }, promisedLimit: { amount: 1, unit: working-days },
                      legalBasis: { nameZh: 某条例, name: Some regulation, effective: 2020-01-01 },
                      handling: promised, materials: [] }
                  - { code: SI-Z, name: Z, nameZh: 某事项丙, type: confirmation, department: social-insurance,
                      promisedLimit: { amount: 1, unit: working-days },
                      legalBasis: { nameZh: 某条例, name: Some regulation, articles: 第一条, effective: 2020-01-01 },
                      handling: promised, materials: [] }
                """);
        assertThatThrownBy(this::loadFolder).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("items.yaml: items[0] (SI-X), field legalBasis: required property 'legalBasis' not found")
                .hasMessageContaining("items.yaml: items[1] (SI-Y), field legalBasis.articles: required property 'articles' not found")
                .hasMessageContaining("items.yaml: items[2] (SI-Z), field legalLimit: required property 'legalLimit' not found");
    }

    @Test
    void anItemNoLawGivesALimitMustSaySoInItsBasis() throws IOException {
        write("items.yaml", """
                departments:
                  - { code: police, name: Police, nameZh: 公安, dialect: soap }
                items:
                  - { code: PS-X, name: X, nameZh: 某事项, type: confirmation, department: police,
                      legalLimit: { unit: none }, promisedLimit: { amount: 0, unit: working-days },
                      legalBasis: { nameZh: 某条例, name: Some regulation, articles: 第一条, effective: 2020-01-01 },
                      handling: immediate, materials: [] }
                  - { code: PS-Y, name: Y, nameZh: 某事项乙, type: confirmation, department: police,
                      legalLimit: { amount: 3, unit: none }, promisedLimit: { amount: 0, unit: working-days },
                      legalBasis: { nameZh: 某条例, name: Some regulation, articles: 第一条, effective: 2020-01-01, note: 无 },
                      handling: immediate, materials: [] }
                """);
        assertThatThrownBy(this::loadFolder).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("items.yaml: items[1] (PS-Y), field legalLimit.amount");
        write("items.yaml", """
                departments:
                  - { code: police, name: Police, nameZh: 公安, dialect: soap }
                items:
                  - { code: PS-X, name: X, nameZh: 某事项, type: confirmation, department: police,
                      legalLimit: { unit: none }, promisedLimit: { amount: 0, unit: working-days },
                      legalBasis: { nameZh: 某条例, name: Some regulation, articles: 第一条, effective: 2020-01-01 },
                      handling: immediate, materials: [] }
                """);
        assertThatThrownBy(this::loadFolder).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("items.yaml: items[0] (PS-X), field legalBasis.note: the legal limit is none");
    }

    @Test
    void aPromiseInWorkingHoursIsComparedWithALegalLimitInDaysThroughTheOfficeHours() throws IOException {
        // a working day is 7 office hours (09:00-12:00, 13:30-17:30): 8 hours exceed 1 working day, 7 do not; 2 hours
        // exceed a limit of the same day (当日, 0 working days); 1 working day exceeds 4 working hours
        write("items.yaml", """
                departments:
                  - { code: tax, name: Tax, nameZh: 税务, dialect: soap }
                items:
                  - { code: TAX-EIGHT-HOURS, name: A, nameZh: 甲, type: confirmation, department: tax, handling: promised,
                      legalLimit: { amount: 1, unit: working-days }, promisedLimit: { amount: 8, unit: working-hours },
                      legalBasis: { nameZh: 某条例, name: Some regulation, articles: 第一条, effective: 2020-01-01 }, materials: [] }
                  - { code: TAX-SEVEN-HOURS, name: B, nameZh: 乙, type: confirmation, department: tax, handling: promised,
                      legalLimit: { amount: 1, unit: working-days }, promisedLimit: { amount: 7, unit: working-hours },
                      legalBasis: { nameZh: 某条例, name: Some regulation, articles: 第一条, effective: 2020-01-01 }, materials: [] }
                  - { code: TAX-SAME-DAY, name: C, nameZh: 丙, type: confirmation, department: tax, handling: promised,
                      legalLimit: { amount: 0, unit: working-days }, promisedLimit: { amount: 2, unit: working-hours },
                      legalBasis: { nameZh: 某条例, name: Some regulation, articles: 第一条, effective: 2020-01-01 }, materials: [] }
                  - { code: TAX-FOUR-HOURS, name: D, nameZh: 丁, type: confirmation, department: tax, handling: promised,
                      legalLimit: { amount: 4, unit: working-hours }, promisedLimit: { amount: 1, unit: working-days },
                      legalBasis: { nameZh: 某条例, name: Some regulation, articles: 第一条, effective: 2020-01-01 }, materials: [] }
                """);
        assertThatThrownBy(this::loadFolder).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("items.yaml: items[0] (TAX-EIGHT-HOURS), field promisedLimit: promises 8 个工作小时 (8 working hours), "
                        + "more than the legal limit of 1 个工作日 (1 working day) (480 against 420 working minutes")
                .hasMessageContaining("items.yaml: items[2] (TAX-SAME-DAY), field promisedLimit: promises 2 个工作小时 (2 working hours), "
                        + "more than the legal limit of 0 个工作日 (0 working days)")
                .hasMessageContaining("items.yaml: items[3] (TAX-FOUR-HOURS), field promisedLimit: promises 1 个工作日 (1 working day), "
                        + "more than the legal limit of 4 个工作小时 (4 working hours)")
                .message().doesNotContain("TAX-SEVEN-HOURS");
    }

    @Test
    void aLegalLimitInCalendarDaysHoldsTheFewestWorkingDaysItCanOnTheCalendar() throws IOException {
        // 15 calendar days (日) hold at fewest 5 working days in 2026 (received 23 September, before Mid-Autumn and
        // National Day): a promise of 5 working days fits, one of 6 does not
        write("items.yaml", """
                departments:
                  - { code: social-insurance, name: SI, nameZh: 社保, dialect: rest-json }
                items:
                  - { code: SI-FIVE, name: A, nameZh: 甲, type: confirmation, department: social-insurance, handling: promised,
                      legalLimit: { amount: 15, unit: days }, promisedLimit: { amount: 5, unit: working-days },
                      legalBasis: { nameZh: 某法, name: Some law, articles: 第一条, effective: 2020-01-01 }, materials: [] }
                  - { code: SI-SIX, name: B, nameZh: 乙, type: confirmation, department: social-insurance, handling: promised,
                      legalLimit: { amount: 15, unit: days }, promisedLimit: { amount: 6, unit: working-days },
                      legalBasis: { nameZh: 某法, name: Some law, articles: 第一条, effective: 2020-01-01 }, materials: [] }
                """);
        assertThatThrownBy(() -> loader.load("file:" + folder + "/*.yaml,classpath*:seeds/catalogue/calendar-2026.yaml", SCHEMA))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("items.yaml: items[1] (SI-SIX), field promisedLimit: promises 6 个工作日 (6 working days), "
                        + "more than the legal limit of 15 日 (15 calendar days) (2520 against 2100 working minutes, a working day "
                        + "being 420, and 15 calendar days at least 5 working days)")
                .message().doesNotContain("SI-FIVE");
    }

    @Test
    void immediateItemsPromiseNothingAndPromisedItemsSomething() throws IOException {
        write("items.yaml", """
                departments:
                  - { code: tax, name: Tax, nameZh: 税务, dialect: soap }
                items:
                  - { code: TAX-A, name: A, nameZh: 甲, type: confirmation, department: tax, handling: immediate,
                      legalLimit: { amount: 5, unit: working-days }, promisedLimit: { amount: 2, unit: working-hours },
                      legalBasis: { nameZh: 某条例, name: Some regulation, articles: 第一条, effective: 2020-01-01 }, materials: [] }
                  - { code: TAX-B, name: B, nameZh: 乙, type: confirmation, department: tax, handling: promised,
                      legalLimit: { amount: 5, unit: working-days }, promisedLimit: { amount: 0, unit: working-days },
                      legalBasis: { nameZh: 某条例, name: Some regulation, articles: 第一条, effective: 2020-01-01 }, materials: [] }
                """);
        assertThatThrownBy(this::loadFolder).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("items.yaml: items[0] (TAX-A), field promisedLimit: an immediate item (即办件) promises 0 working days")
                .hasMessageContaining("items.yaml: items[1] (TAX-B), field promisedLimit: a promised item (承诺件) needs a limit above 0");
    }

    @Test
    void aBundlePromisesWorkingHoursOrStillWorkingDaysButNotBoth() throws IOException {
        write("a.yaml", """
                departments:
                  - { code: tax, name: Tax, nameZh: 税务, dialect: soap }
                items:
                  - { code: TAX-A, name: A, nameZh: 甲, type: reward, department: tax, LIMITS, handling: immediate, materials: [] }
                  - { code: TAX-B, name: B, nameZh: 乙, type: adjudication, department: tax, LIMITS, handling: immediate, materials: [] }
                bundles:
                  - { code: IN-HOURS, name: H, nameZh: 小时, promisedLimit: { amount: 2, unit: working-hours },
                      steps: [ { id: aa, item: TAX-A }, { id: bb, item: TAX-B } ] }
                  - { code: IN-DAYS, name: D, nameZh: 天, promisedLimitDays: 5, steps: [ { id: aa, item: TAX-A }, { id: bb, item: TAX-B } ] }
                """.replace("LIMITS", LIMITS));
        Catalogue catalogue = loadFolder().catalogue();
        assertThat(catalogue.bundles()).extracting(Bundle::promisedLimit)
                .containsExactly(TimeLimit.workingHours(2), TimeLimit.workingDays(5));
        assertThat(catalogue.items()).extracting(Item::type).containsExactly(ItemType.REWARD, ItemType.ADJUDICATION);
        write("a.yaml", """
                departments:
                  - { code: tax, name: Tax, nameZh: 税务, dialect: soap }
                items:
                  - { code: TAX-A, name: A, nameZh: 甲, type: collection, department: tax, LIMITS, handling: immediate, materials: [] }
                bundles:
                  - { code: BOTH, name: B, nameZh: 两者, promisedLimit: { amount: 2, unit: working-hours }, promisedLimitDays: 1,
                      steps: [ { id: aa, item: TAX-A }, { id: bb, item: TAX-A } ] }
                  - { code: DAYS-OFF, name: C, nameZh: 日, promisedLimit: { amount: 2, unit: days },
                      steps: [ { id: aa, item: TAX-A }, { id: bb, item: TAX-A } ] }
                """.replace("LIMITS", LIMITS));
        assertThatThrownBy(this::loadFolder).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("a.yaml: bundles[0] (BOTH)")
                .hasMessageContaining("a.yaml: bundles[1] (DAYS-OFF), field promisedLimit.unit");
    }

    @Test
    void aBundleBuiltOnAnotherTakesItsStepsFirstAndMayDependOnThem() throws IOException {
        write("a.yaml", """
                departments:
                  - { code: tax, name: Tax, nameZh: 税务, dialect: soap }
                items:
                  - { code: TAX-A, name: A, nameZh: 甲, type: collection, department: tax, LIMITS, handling: immediate, materials: [] }
                  - { code: TAX-B, name: B, nameZh: 乙, type: collection, department: tax, LIMITS, handling: immediate, materials: [] }
                  - { code: TAX-C, name: C, nameZh: 丙, type: collection, department: tax, LIMITS, handling: immediate, materials: [] }
                bundles:
                  - { code: BASE, name: B, nameZh: 基础, promisedLimit: { amount: 2, unit: working-hours },
                      steps: [ { id: first, item: TAX-A }, { id: second, item: TAX-B, dependsOn: [first] } ] }
                  - { code: MORE, name: M, nameZh: 更多, promisedLimitDays: 5, includes: [BASE],
                      steps: [ { id: third, item: TAX-C, dependsOn: [first] } ] }
                  - { code: MOST, name: T, nameZh: 最多, promisedLimitDays: 5, includes: [MORE],
                      steps: [ { id: fourth, item: TAX-C, dependsOn: [third, second] } ] }
                """.replace("LIMITS", LIMITS));
        Catalogue catalogue = loadFolder().catalogue();
        Bundle more = catalogue.bundles().stream().filter(b -> b.code().equals("MORE")).findFirst().orElseThrow();
        assertThat(more.includes()).containsExactly("BASE");
        assertThat(more.steps()).extracting(Bundle.Step::id).containsExactly("first", "second", "third");
        assertThat(more.stepsBefore("third")).containsExactly("first");
        Bundle most = catalogue.bundles().stream().filter(b -> b.code().equals("MOST")).findFirst().orElseThrow();
        assertThat(most.steps()).extracting(Bundle.Step::id).containsExactly("first", "second", "third", "fourth");
        assertThat(most.stepsBefore("fourth")).containsExactlyInAnyOrder("first", "second", "third");
        Bundle base = catalogue.bundles().stream().filter(b -> b.code().equals("BASE")).findFirst().orElseThrow();
        assertThat(base.steps()).extracting(Bundle.Step::id).containsExactly("first", "second");
    }

    @Test
    void anIncludeOfNoBundleACircleOfIncludesAndAStepIdUsedTwiceAreRefused() throws IOException {
        write("a.yaml", """
                departments:
                  - { code: tax, name: Tax, nameZh: 税务, dialect: soap }
                items:
                  - { code: TAX-A, name: A, nameZh: 甲, type: collection, department: tax, LIMITS, handling: immediate, materials: [] }
                bundles:
                  - { code: BASE, name: B, nameZh: 基础, promisedLimitDays: 1,
                      steps: [ { id: first, item: TAX-A }, { id: second, item: TAX-A, dependsOn: [first] } ] }
                  - { code: ONE, name: O, nameZh: 一, promisedLimitDays: 1, includes: [TWO], steps: [ { id: one, item: TAX-A } ] }
                  - { code: TWO, name: T, nameZh: 二, promisedLimitDays: 1, includes: [ONE], steps: [ { id: two, item: TAX-A } ] }
                  - { code: NOWHERE, name: N, nameZh: 无, promisedLimitDays: 1, includes: [BASE, NO-SUCH-BUNDLE],
                      steps: [ { id: first, item: TAX-A }, { id: later, item: TAX-A, dependsOn: [second, third] } ] }
                """.replace("LIMITS", LIMITS));
        assertThatThrownBy(this::loadFolder).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("a.yaml: bundles[1] (ONE), field includes[0]: the bundles include each other in a circle through 'TWO'")
                .hasMessageContaining("a.yaml: bundles[2] (TWO), field includes[0]: the bundles include each other in a circle through 'ONE'")
                .hasMessageContaining("a.yaml: bundles[3] (NOWHERE), field includes[1]: unknown bundle 'NO-SUCH-BUNDLE'")
                .hasMessageContaining("a.yaml: bundles[3] (NOWHERE), field steps[0].id: step id 'first' is already a step of the included bundle 'BASE'")
                .hasMessageContaining("a.yaml: bundles[3] (NOWHERE), field steps[1].dependsOn: unknown step 'third'")
                .message().doesNotContain("unknown step 'second'").doesNotContain("bundles[0] (BASE)");
    }

    @Test
    void aBundleOfOneStepMustIncludeAnother() throws IOException {
        write("a.yaml", """
                departments:
                  - { code: tax, name: Tax, nameZh: 税务, dialect: soap }
                items:
                  - { code: TAX-A, name: A, nameZh: 甲, type: collection, department: tax, LIMITS, handling: immediate, materials: [] }
                bundles:
                  - { code: ALONE, name: A, nameZh: 独, promisedLimitDays: 1, steps: [ { id: only, item: TAX-A } ] }
                """.replace("LIMITS", LIMITS));
        assertThatThrownBy(this::loadFolder).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("a.yaml: bundles[0] (ALONE), field steps");
    }

    @Test
    void brokenYamlNamesTheFile() throws IOException {
        write("broken.yaml", "items: [ { code: A\n");
        assertThatThrownBy(this::loadFolder).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("broken.yaml: not readable YAML");
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(folder.resolve(name), content);
    }

    private static Bundle bundle(Catalogue catalogue, String code) {
        return catalogue.bundles().stream().filter(b -> b.code().equals(code)).findFirst().orElseThrow();
    }

    private static Item item(Catalogue catalogue, String code) {
        return catalogue.items().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    private SourcedCatalogue loadFolder() {
        return loader.load("file:" + folder + "/*.yaml", SCHEMA);
    }
}
