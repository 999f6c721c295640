package org.onewindow.hub.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.schemas.catalogue.Bundle;
import org.onewindow.schemas.catalogue.Catalogue;
import org.onewindow.schemas.catalogue.Item;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogueLoaderTest {

    private static final String SCHEMA = "classpath:contracts/catalogue.schema.json";
    private final CatalogueLoader loader = new CatalogueLoader(new ObjectMapper().registerModule(new JavaTimeModule()));

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
    void schemaFaultNamesFileEntryAndField() throws IOException {
        write("items.yaml", """
                items:
                  - code: SI-X
                    name: X
                    nameZh: 某事项
                    type: licensing
                    department: social-insurance
                    legalLimitDays: 5
                    promisedLimitDays: 1
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
                  - { code: TAX-A, name: A, nameZh: 甲, type: collection, department: taxes, legalLimitDays: 5,
                      promisedLimitDays: 0, handling: immediate, materials: [] }
                  - { code: TAX-B, name: B, nameZh: 乙, type: collection, department: tax, legalLimitDays: 5,
                      promisedLimitDays: 0, handling: immediate,
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
                """);
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
                  - { code: TAX-A, name: A, nameZh: 甲, type: collection, department: tax, legalLimitDays: 5,
                      promisedLimitDays: 0, handling: immediate, produces: [tax-record], materials: [] }
                  - { code: PS-B, name: B, nameZh: 乙, type: collection, department: police, legalLimitDays: 5,
                      promisedLimitDays: 0, handling: immediate, materials: [
                        { code: tax-record, name: T, nameZh: 税务记录, source: shared-data, sharedData: { department: tax, dataItem: tax-record } } ] }
                bundles:
                  - { code: SIDE-BY-SIDE, name: S, nameZh: 并行, promisedLimitDays: 1,
                      steps: [ { id: pay, item: TAX-A }, { id: file, item: PS-B } ] }
                  - { code: IN-TURN, name: T, nameZh: 依次, promisedLimitDays: 1,
                      steps: [ { id: pay, item: TAX-A }, { id: check, item: TAX-A, dependsOn: [pay] }, { id: file, item: PS-B, dependsOn: [check] } ] }
                """);
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
                  - { code: TAX-A, name: A, nameZh: 甲, type: collection, department: tax, legalLimitDays: 5,
                      promisedLimitDays: 0, handling: immediate, materials: [
                        { code: rec, name: R, nameZh: 记录, source: shared-data, sharedData: { department: tax, dataItem: tax-record },
                          holder: { idField: employerCode } },
                        { code: card, name: C, nameZh: 证, source: licence, licenceType: a-card,
                          holder: { idField: sellerCode, kind: company } },
                        { code: card2, name: C2, nameZh: 证二, source: licence, licenceType: a-card, holder: { idField: buyerId } } ] }
                """);
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
    void brokenYamlNamesTheFile() throws IOException {
        write("broken.yaml", "items: [ { code: A\n");
        assertThatThrownBy(this::loadFolder).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("broken.yaml: not readable YAML");
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(folder.resolve(name), content);
    }

    private SourcedCatalogue loadFolder() {
        return loader.load("file:" + folder + "/*.yaml", SCHEMA);
    }
}
