package org.onewindow.schemas.cases;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onewindow.schemas.identity.MobileNumber;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * schemas/case-request.schema.json and the records of org.onewindow.schemas.cases describe the same
 * request: the same fields, the same required ones, the same patterns and limits, and the same verdict
 * on a corpus of requests. The only rules the schema cannot state are the check characters of ID
 * numbers and credit codes; the corpus marks those as valid for the schema and invalid for the records.
 */
class CaseRequestSchemaAgreementTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final JsonNode SCHEMA_TREE = read();
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(SCHEMA_TREE);
    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    private static JsonNode read() {
        try (InputStream in = CaseRequestSchemaAgreementTest.class.getResourceAsStream("/contracts/case-request.schema.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void schemaHasTheFieldsOfTheRecords() {
        assertSameFields(CaseRequest.class, SCHEMA_TREE);
        assertSameFields(Applicant.class, SCHEMA_TREE.at("/$defs/applicant"));
        assertSameFields(MaterialSubmission.class, SCHEMA_TREE.at("/$defs/materialSubmission"));
    }

    @Test
    void schemaAndRecordsAgreeOnEnumsPatternsAndLimits() {
        assertThat(texts(SCHEMA_TREE.at("/$defs/applicant/properties/kind/enum"))).isEqualTo(names(ApplicantKind.values()));
        assertThat(texts(SCHEMA_TREE.at("/properties/channel/enum"))).isEqualTo(names(Channel.values()));
        assertThat(SCHEMA_TREE.at("/$defs/catalogueCode/pattern").asText()).isEqualTo(CatalogueCode.PATTERN);
        assertThat(SCHEMA_TREE.at("/$defs/applicant/properties/mobile/pattern").asText()).isEqualTo(MobileNumber.PATTERN);
        assertThat(field(CaseRequest.class, "itemCode").getAnnotation(Pattern.class).regexp()).isEqualTo(CatalogueCode.PATTERN);
        assertThat(SCHEMA_TREE.at("/properties/materials/maxItems").asInt())
                .isEqualTo(field(CaseRequest.class, "materials").getAnnotation(Size.class).max());
        assertThat(SCHEMA_TREE.at("/properties/form/maxProperties").asInt())
                .isEqualTo(field(CaseRequest.class, "form").getAnnotation(Size.class).max());
        assertThat(SCHEMA_TREE.at("/$defs/applicant/properties/name/maxLength").asInt())
                .isEqualTo(field(Applicant.class, "name").getAnnotation(Size.class).max());
        assertThat(SCHEMA_TREE.at("/$defs/materialSubmission/properties/documentRef/maxLength").asInt())
                .isEqualTo(field(MaterialSubmission.class, "documentRef").getAnnotation(Size.class).max());
    }

    /** Each row: a request, the schema's verdict, the records' verdict. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            person with item                     | {"itemCode":"SI-PERSON-ENROLMENT","applicant":{"kind":"PERSON","name":"张三","idNumber":"11010519491231002X","mobile":"13800138000"}} | true  | true
            company with bundle                  | {"bundleCode":"OPEN-RESTAURANT","applicant":{"kind":"COMPANY","name":"味道","creditCode":"91110000600037341L","mobile":"13800138000"}} | true | true
            form, materials and channel          | {"itemCode":"A1","applicant":{"kind":"PERSON","name":"张三","idNumber":"11010519491231002X","mobile":"13800138000"},"form":{"a":"b"},"materials":[{"code":"labour-contract","documentRef":"d"}],"channel":"ONLINE"} | true | true
            both item and bundle                 | {"itemCode":"A1","bundleCode":"B1","applicant":{"kind":"PERSON","name":"张三","idNumber":"11010519491231002X","mobile":"13800138000"}} | false | false
            neither item nor bundle              | {"applicant":{"kind":"PERSON","name":"张三","idNumber":"11010519491231002X","mobile":"13800138000"}} | false | false
            no applicant                         | {"itemCode":"A1"} | false | false
            person without ID number            | {"itemCode":"A1","applicant":{"kind":"PERSON","name":"张三","mobile":"13800138000"}} | false | false
            company without credit code          | {"itemCode":"A1","applicant":{"kind":"COMPANY","name":"味道","mobile":"13800138000"}} | false | false
            missing mobile                       | {"itemCode":"A1","applicant":{"kind":"PERSON","name":"张三","idNumber":"11010519491231002X"}} | false | false
            blank name                           | {"itemCode":"A1","applicant":{"kind":"PERSON","name":"  ","idNumber":"11010519491231002X","mobile":"13800138000"}} | false | false
            mobile with country code             | {"itemCode":"A1","applicant":{"kind":"PERSON","name":"张三","idNumber":"11010519491231002X","mobile":"+8613800138000"}} | false | false
            ID number too short                  | {"itemCode":"A1","applicant":{"kind":"PERSON","name":"张三","idNumber":"1101051949123100","mobile":"13800138000"}} | false | false
            credit code with letter O            | {"itemCode":"A1","applicant":{"kind":"COMPANY","name":"味道","creditCode":"9111000060003734OL","mobile":"13800138000"}} | false | false
            bad item code                        | {"itemCode":"SI PERSON","applicant":{"kind":"PERSON","name":"张三","idNumber":"11010519491231002X","mobile":"13800138000"}} | false | false
            material without code                | {"itemCode":"A1","applicant":{"kind":"PERSON","name":"张三","idNumber":"11010519491231002X","mobile":"13800138000"},"materials":[{"documentRef":"d"}]} | false | false
            ID check character (records only)    | {"itemCode":"A1","applicant":{"kind":"PERSON","name":"张三","idNumber":"110105194912310021","mobile":"13800138000"}} | true | false
            credit check character (records only)| {"itemCode":"A1","applicant":{"kind":"COMPANY","name":"味道","creditCode":"91110000600037341M","mobile":"13800138000"}} | true | false
            """)
    void schemaAndRecordsGiveTheSameVerdict(String name, String json, boolean schemaValid, boolean recordsValid) throws IOException {
        assertThat(SCHEMA.validate(JSON.readTree(json)).isEmpty()).as("schema's verdict on " + name).isEqualTo(schemaValid);
        CaseRequest request = JSON.readValue(json, CaseRequest.class);
        assertThat(validator.validate(request).isEmpty()).as("records' verdict on " + name).isEqualTo(recordsValid);
    }

    private static void assertSameFields(Class<? extends Record> type, JsonNode schema) {
        Set<String> components = new TreeSet<>(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList());
        Set<String> properties = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);
        assertThat(properties).as("fields of " + type.getSimpleName()).isEqualTo(components);
        Set<String> requiredByRecord = new TreeSet<>(Arrays.stream(type.getRecordComponents())
                .filter(c -> field(type, c.getName()).isAnnotationPresent(NotNull.class)
                        || field(type, c.getName()).isAnnotationPresent(NotBlank.class))
                .map(RecordComponent::getName).toList());
        assertThat(texts(schema.get("required"))).as("required fields of " + type.getSimpleName()).isEqualTo(requiredByRecord);
        assertThat(schema.get("additionalProperties").asBoolean(true)).as("closed object").isFalse();
    }

    /** Bean Validation annotations of a record component land on its field (they do not target record components). */
    private static java.lang.reflect.Field field(Class<? extends Record> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Set<String> names(Enum<?>[] values) {
        return new TreeSet<>(new HashSet<>(Arrays.stream(values).map(Enum::name).toList()));
    }
}
