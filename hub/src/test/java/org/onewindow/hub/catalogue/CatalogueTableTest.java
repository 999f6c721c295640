package org.onewindow.hub.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.onewindow.schemas.catalogue.Bundle;
import org.onewindow.schemas.catalogue.Catalogue;
import org.onewindow.schemas.catalogue.Item;
import org.onewindow.schemas.catalogue.ItemType;
import org.onewindow.schemas.catalogue.LegalBasis;
import org.onewindow.schemas.catalogue.TimeLimit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue's README (seeds/catalogue/README.md) tables the item types, every item with its time limits and legal
 * basis, and every bundle with its promise and steps; the tables are generated from the seeded catalogue, so they cannot drift from it: this test renders them and
 * fails when the README holds anything else. They live next to the catalogue files, not in the main README, so that a
 * new department's items go in with the department's own commit (docs/adding-a-department.md).
 * After changing the catalogue, write the new tables into that README with
 * {@code ./mvnw -o -q -B -pl hub -am verify -DskipITs -Dtest=CatalogueTableTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Donewindow.readme.write=true}.
 */
class CatalogueTableTest {

    static final String BEGIN = "<!-- catalogue-tables:begin (generated from seeds/catalogue by CatalogueTableTest: do not edit by hand) -->";
    static final String END = "<!-- catalogue-tables:end -->";

    private final Catalogue catalogue = new CatalogueLoader(new ObjectMapper().registerModule(new JavaTimeModule()),
            CatalogueLoaderTest.OFFICE_HOURS).load("classpath*:seeds/catalogue/*.yaml", "classpath:contracts/catalogue.schema.json")
            .catalogue();
    private final DeadlineCalendar days = new DeadlineCalendar(catalogue.calendar());

    @Test
    void theCataloguesReadmeListsEveryItemWithItsLimitsAndLegalBasisAsTheCatalogueHasThem() throws IOException {
        Path readme = readme();
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        String tables = tables();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "catalogue-tables.md"), tables, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertThat(begin).as("seeds/catalogue/README.md has the markers " + BEGIN + " and " + END).isNotNegative();
        assertThat(end).as("seeds/catalogue/README.md has the markers " + BEGIN + " and " + END).isGreaterThan(begin);
        String current = text.substring(begin, end + END.length());
        if (!current.equals(tables) && Boolean.getBoolean("onewindow.readme.write")) {
            Files.writeString(readme, text.substring(0, begin) + tables + text.substring(end + END.length()), StandardCharsets.UTF_8);
            return;
        }
        assertThat(current).as("seeds/catalogue/README.md's tables differ from the catalogue files (hub/target/catalogue-tables.md has "
                + "them as they should be; rerun this test with -Donewindow.readme.write=true to write them)").isEqualTo(tables);
    }

    @Test
    void everyItemOfTheTableHasABasisAndEveryTypeOfTheNationalList() {
        String tables = tables();
        catalogue.items().forEach(item -> assertThat(tables).contains("`" + item.code() + "`").contains(item.legalBasis().nameZh()));
        assertThat(tables).contains("行政许可", "行政给付", "行政确认", "行政裁决", "行政奖励", "其他行政权力", "公共服务", "行政征收");
    }

    String tables() {
        StringBuilder md = new StringBuilder(BEGIN).append("\n\n");
        md.append("| type | 类型 | in English | one of the six kinds of application-based powers (依申请六类) |\n|---|---|---|---|\n");
        for (ItemType type : ItemType.values()) {
            md.append("| `").append(type.code()).append("` | ").append(type.nameZh()).append(" | ").append(type.englishName())
                    .append(" | ").append(type.applicationBased() ? "yes" : "no").append(" |\n");
        }
        md.append("\n| item | 事项 | type | department | legal limit 法定时限 | promised 承诺时限 | legal basis 法律依据 |\n")
                .append("|---|---|---|---|---|---|---|\n");
        List<Item> items = catalogue.items().stream().sorted(Comparator.comparing(Item::code)).toList();
        for (Item item : items) {
            md.append("| `").append(item.code()).append("` | ").append(item.nameZh()).append(" | ").append(item.type().nameZh())
                    .append(" | ").append(item.department()).append(" | ").append(legal(item.legalLimit())).append(" | ")
                    .append(promised(item.promisedLimit())).append(" | ").append(basis(item.legalBasis())).append(" |\n");
        }
        md.append("\n| bundle | 一件事 | promised 承诺时限 | builds on | steps (step: item, after the steps named) |\n")
                .append("|---|---|---|---|---|\n");
        for (Bundle bundle : catalogue.bundles().stream().sorted(Comparator.comparing(Bundle::code)).toList()) {
            md.append("| `").append(bundle.code()).append("` | ").append(bundle.nameZh()).append(" | ")
                    .append(promised(bundle.promisedLimit())).append(" | ")
                    .append(bundle.includes().stream().map(code -> "`" + code + "`").collect(Collectors.joining(", "))).append(" | ")
                    .append(bundle.steps().stream().map(step -> step.id() + ": `" + step.item() + "`"
                            + (step.dependsOn().isEmpty() ? "" : " after " + String.join(", ", step.dependsOn())))
                            .collect(Collectors.joining("; "))).append(" |\n");
        }
        md.append("\nNotes on the bases (`legalBasis.note`):\n\n");
        for (Item item : items) {
            if (item.legalBasis().note() != null) {
                md.append("- `").append(item.code()).append("`: ").append(item.legalBasis().note().strip()).append('\n');
            }
        }
        return md.append('\n').append(END).toString();
    }

    private String legal(TimeLimit limit) {
        String text = switch (limit.unit()) {
            case NONE -> "none set by law";
            case WORKING_DAYS -> limit.count() == 0 ? "the same day (当日)" : limit.count() + " " + limit.unit().englishName(limit.count());
            case WORKING_HOURS -> limit.count() + " " + limit.unit().englishName(limit.count());
            case DAYS -> limit.count() + " " + limit.unit().englishName(limit.count()) + " (日; at fewest "
                    + days.fewestWorkingDays(limit.count()) + " working days on the calendar)";
        };
        return limit.extendableBy() == null ? text : text + ", +" + limit.extendableBy() + " with approval";
    }

    private static String promised(TimeLimit limit) {
        if (limit.unit() == TimeLimit.Unit.WORKING_DAYS && limit.count() == 0) {
            return "immediate (即办)";
        }
        return limit.count() + " " + limit.unit().englishName(limit.count());
    }

    private static String basis(LegalBasis basis) {
        return "《" + basis.nameZh() + "》" + (basis.document() == null ? "" : " " + basis.document()) + " " + basis.articles()
                + ", in force from " + basis.effective();
    }

    /** seeds/catalogue/README.md of the repository; tests run in hub/. */
    private static Path readme() {
        return Path.of("..", "seeds", "catalogue", "README.md").toAbsolutePath().normalize();
    }
}
