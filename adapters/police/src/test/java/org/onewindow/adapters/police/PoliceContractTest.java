package org.onewindow.adapters.police;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onewindow.adapters.kit.DepartmentContractException;
import org.onewindow.adapters.kit.DepartmentFaultException;
import org.onewindow.adapters.kit.SoapDepartmentMapping.SoapRequest;
import org.onewindow.adapters.police.wsdl.Field;
import org.onewindow.adapters.police.wsdl.IdentityVerification;
import org.onewindow.adapters.police.wsdl.IdentityVerificationReply;
import org.onewindow.adapters.police.wsdl.PopulationServicePort;
import org.onewindow.adapters.police.wsdl.Reply;
import org.onewindow.adapters.police.wsdl.Request;
import org.onewindow.adapters.police.wsdl.SharedDataDelivery;
import org.onewindow.adapters.police.wsdl.SharedDataReceipt;
import org.onewindow.schemas.cases.Applicant;
import org.onewindow.schemas.cases.ApplicantKind;
import org.onewindow.schemas.sharing.SharedData;
import org.onewindow.schemas.tasks.TaskMessage;
import org.onewindow.schemas.tasks.TaskOutcome;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingXPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The police adapter against the bureau's simulator (seeds/simulators/police) over real SOAP, with a CXF
 * client built from the bureau's WSDL: the mapping's requests are accepted, each answer is read as the
 * decision it is, and every kind of broken reply or fault ends as the failure it should be.
 */
class PoliceContractTest {

    private static final String SERVICE_PATH = "/police/services/PopulationService";
    /** Read from schemas/ itself, so the test checks the contract as written, not an installed copy. */
    private static final String WSDL = Path.of("../../schemas/departments/police/police-service.wsdl").toAbsolutePath().normalize().toUri().toString();
    private static final String RESTAURANT_CREDIT_CODE = "91440106MA5CQ8RL28";

    private static WireMockServer bureau;
    private static PopulationServicePort client;
    private final PoliceMapping mapping = new PoliceMapping();

    @BeforeAll
    static void startTheBureausSimulator() {
        bureau = new WireMockServer(options().dynamicPort().usingFilesUnderDirectory("../../seeds/simulators/police"));
        bureau.start();
        client = client(0);
    }

    @AfterAll
    static void stop() {
        bureau.stop();
    }

    @Test
    void aNewbornIsRegisteredWithAResidentIdNumberAndAHousehold() throws Exception {
        TaskMessage task = birth("OW20261123-BBBBBBBBBB-01", person("林小梅", "440106199203150022"), Map.of());
        SoapRequest request = mapping.request(task);
        assertThat(request.operation()).isEqualTo("RegisterBirth");
        assertThat(((Request) request.payload()).getApplicant().getIdType()).isEqualTo("01");

        TaskOutcome outcome = mapping.outcome(task, call(task));

        assertThat(outcome.decision()).isEqualTo(TaskOutcome.Decision.COMPLETED);
        assertThat(outcome.departmentRef()).isEqualTo("CS-OW20261123-BBBBBBBBBB-01");
        assertThat(outcome.results())
                .containsEntry("newbornIdNumber", "310104202601010079")
                .containsEntry("householdNo", "310104000618")
                .containsEntry("documentNo", "CS-OW20261123-BBBBBBBBBB-01");
    }

    @Test
    void aNewbornJoinsTheHouseholdTheParentNames() throws Exception {
        TaskMessage task = birth("T-2", person("林小梅", "440106199203150022"), Map.of("householdNo", "440106007731"));
        assertThat(mapping.outcome(task, call(task)).results()).containsEntry("householdNo", "440106007731");
    }

    @Test
    void aFounderFilesTheSealOfTheCompanyTheBusinessLicenceStepRegistered() throws Exception {
        TaskMessage task = new TaskMessage("T-3", "OW20261123-CCCCCCCCCC", "police", "PS-SEAL-FILING",
                person("陈志强", "44010619880808123X"), Map.of("companyName", "广州钟记餐饮有限公司"),
                Map.of("creditCode", RESTAURANT_CREDIT_CODE, "company-establishment.creditCode", RESTAURANT_CREDIT_CODE,
                        "companyName", "广州钟记餐饮有限公司", "company-establishment.companyName", "广州钟记餐饮有限公司"));
        SoapRequest request = mapping.request(task);
        assertThat(request.operation()).isEqualTo("FileSeal");
        Request payload = (Request) request.payload();
        assertThat(payload.getApplicant().getIdNumber()).isEqualTo("44010619880808123X");
        assertThat(payload.getUnit().getCreditCode()).isEqualTo(RESTAURANT_CREDIT_CODE);

        TaskOutcome outcome = mapping.outcome(task, call(task));

        assertThat(outcome.decision()).isEqualTo(TaskOutcome.Decision.COMPLETED);
        assertThat(outcome.results()).containsEntry("sealFilingNo", "GZBA-T-3");
        List<LoggedRequest> received = bureau.findAll(postRequestedFor(urlPathEqualTo(SERVICE_PATH))
                .withRequestBody(matchingXPath("//*[local-name()='SealFiling']/*[local-name()='RequestId']/text()", equalTo("T-3"))));
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getBodyAsString()).contains(RESTAURANT_CREDIT_CODE).contains("广州钟记餐饮有限公司");
        assertThat(bureau.findAll(postRequestedFor(urlPathEqualTo(SERVICE_PATH)).withRequestBody(matchingXPath(
                "//*[local-name()='SealFiling']/*[local-name()='Unit']/*[local-name()='CreditCode']/text()", equalTo(RESTAURANT_CREDIT_CODE)))))
                .isNotEmpty();
    }

    @Test
    void aCompanyFilesItsOwnSealUnderItsCreditCode() throws Exception {
        TaskMessage task = new TaskMessage("T-4", "OW20261123-DDDDDDDDDD", "police", "PS-SEAL-FILING",
                new Applicant(ApplicantKind.COMPANY, "南京味道餐饮有限公司", null, "91320102MA1XYW123R", "13800138000"),
                Map.of(), Map.of());
        Request payload = (Request) mapping.request(task).payload();
        assertThat(payload.getApplicant().getIdType()).isEqualTo("49");
        assertThat(payload.getUnit().getCreditCode()).isEqualTo("91320102MA1XYW123R");
        assertThat(payload.getUnit().getName()).isEqualTo("南京味道餐饮有限公司");
        assertThat(mapping.outcome(task, call(task)).results()).containsEntry("sealFilingNo", "GZBA-T-4");
    }

    @Test
    void aSealFilingWithoutACreditCodeIsNotSent() {
        TaskMessage task = new TaskMessage("T-5", "OW20261123-EEEEEEEEEE", "police", "PS-SEAL-FILING",
                person("陈志强", "44010619880808123X"), Map.of("companyName", "广州钟记餐饮有限公司"), Map.of());
        assertThatThrownBy(() -> mapping.request(task))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("credit code").hasMessageContaining("T-5");
    }

    @Test
    void aRefusalCarriesTheBureausCode() throws Exception {
        TaskMessage task = birth("T-6", person("钟一", "440106198001011118"), Map.of());
        TaskOutcome outcome = mapping.outcome(task, call(task));
        assertThat(outcome.decision()).isEqualTo(TaskOutcome.Decision.REJECTED);
        assertThat(outcome.reason()).startsWith("[2001]").contains("出生医学证明信息核验不一致");
    }

    @Test
    void aClientFaultIsNotRetriedAndAServerFaultIs() {
        assertThatThrownBy(() -> failure(birth("T-7", person("钟二", "440106198102021227"), Map.of())))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("E-101");
        assertThatThrownBy(() -> failure(birth("T-8", person("钟三", "440106198203031336"), Map.of())))
                .isInstanceOf(DepartmentFaultException.class).hasMessageContaining("E-500");
    }

    @Test
    void brokenXmlAWrongNamespaceAndADoctypeAreContractFaults() {
        assertThatThrownBy(() -> failure(birth("T-9", person("钟五", "440106198405051554"), Map.of())))
                .isInstanceOf(DepartmentContractException.class);
        assertThatThrownBy(() -> failure(birth("T-10", person("钟六", "440106198506061663"), Map.of())))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("urn:county-police:population-service:v2");
        assertThatThrownBy(() -> failure(birth("T-11", person("钟七", "440106198607071772"), Map.of())))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("DTD");
    }

    @Test
    void aReplyTooSlowForTheHubIsAFaultToRetry() {
        PopulationServicePort impatient = client(1000);
        TaskMessage task = birth("T-12", person("钟四", "440106198304041445"), Map.of());
        assertThatThrownBy(() -> {
            try {
                impatient.registerBirth((Request) mapping.request(task).payload());
            } catch (Exception failure) {
                mapping.failed(failure);
            }
            throw new AssertionError("the call did not fail");
        }).isInstanceOf(DepartmentFaultException.class).hasMessageContaining("timed out");
    }

    @Test
    void aCompletionWithoutUsableResultsIsAContractFault() {
        TaskMessage task = birth("T-13", person("林小梅", "440106199203150022"), Map.of());
        assertThatThrownBy(() -> mapping.outcome(task, done("T-13", Map.of("householdNo", "310104000618"))))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("newbornIdNumber");
        assertThatThrownBy(() -> mapping.outcome(task, done("T-13",
                Map.of("newbornIdNumber", "310104202601010070", "householdNo", "310104000618"))))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("check character");
        assertThatThrownBy(() -> mapping.outcome(task, done("SOMEONE-ELSE",
                Map.of("newbornIdNumber", "310104202601010079", "householdNo", "310104000618"))))
                .isInstanceOf(DepartmentContractException.class);
    }

    @Test
    void anItemThePoliceDoNotHandleIsAContractFault() {
        TaskMessage task = new TaskMessage("T-14", "C", "police", "TAX-DEED-TAX", person("林小梅", "440106199203150022"), Map.of(), Map.of());
        assertThatThrownBy(() -> mapping.request(task)).isInstanceOf(DepartmentContractException.class).hasMessageContaining("TAX-DEED-TAX");
    }

    @Test
    void sharedCompanyRegistrationIsDeliveredAndReceipted() throws Exception {
        SharedData share = new SharedData("SH-1", "SA-MR-REGISTRATION-POLICE", "market-regulation", "police",
                "company-registration", "Seal engraving filing for a newly established company", "OW20261123-CCCCCCCCCC",
                RESTAURANT_CREDIT_CODE, Map.of("companyName", "广州钟记餐饮有限公司", "legalRepresentative", "陈志强"));
        SoapRequest request = mapping.shareRequest(share);
        assertThat(request.operation()).isEqualTo("ReceiveSharedData");

        SharedDataReceipt receipt = client.receiveSharedData((SharedDataDelivery) request.payload());

        assertThat(receipt.getShareId()).isEqualTo("SH-1");
        assertThatCode(() -> mapping.shareReceipt(share, receipt)).doesNotThrowAnyException();
        assertThat(bureau.findAll(postRequestedFor(urlPathEqualTo(SERVICE_PATH))
                .withRequestBody(matchingXPath("//*[local-name()='SharedDataDelivery']/*[local-name()='HolderId']/text()", equalTo(RESTAURANT_CREDIT_CODE)))))
                .hasSize(1);
        SharedData another = new SharedData("SH-2", share.agreement(), share.producer(), share.consumer(), share.dataItem(),
                share.purpose(), share.caseId(), share.holderId(), share.data());
        assertThatThrownBy(() -> mapping.shareReceipt(another, receipt)).isInstanceOf(DepartmentContractException.class);
    }

    @Test
    void theSimulatorAnswersAnIdentityCheck() throws Exception {
        IdentityVerification check = new IdentityVerification();
        check.setRequestId("T-15");
        check.setName("林小梅");
        check.setIdNumber("440106199203150022");
        IdentityVerificationReply reply = client.verifyIdentity(check);
        assertThat(reply.getRequestId()).isEqualTo("T-15");
        assertThat(reply.getResultCode()).isEqualTo("0000");
        assertThat(reply.isMatch()).isTrue();
    }

    /** What the soap-call template does with a failed call. */
    private void failure(TaskMessage task) throws Exception {
        try {
            call(task);
        } catch (Exception failure) {
            mapping.failed(failure);
        }
        throw new AssertionError("the call did not fail");
    }

    private Object call(TaskMessage task) throws Exception {
        SoapRequest request = mapping.request(task);
        Request payload = (Request) request.payload();
        return switch (request.operation()) {
            case "RegisterBirth" -> client.registerBirth(payload);
            case "FileSeal" -> client.fileSeal(payload);
            default -> throw new IllegalArgumentException(request.operation());
        };
    }

    /** @param receiveTimeoutMs 0 for CXF's default */
    private static PopulationServicePort client(long receiveTimeoutMs) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(PopulationServicePort.class);
        factory.setWsdlURL(WSDL);
        factory.setAddress(bureau.baseUrl() + SERVICE_PATH);
        PopulationServicePort port = (PopulationServicePort) factory.create();
        if (receiveTimeoutMs > 0) {
            Client cxf = ClientProxy.getClient(port);
            ((HTTPConduit) cxf.getConduit()).getClient().setReceiveTimeout(receiveTimeoutMs);
        }
        return port;
    }

    private static Reply done(String requestId, Map<String, String> fields) {
        Reply reply = new Reply();
        reply.setRequestId(requestId);
        reply.setResultCode("0000");
        reply.setResultMessage("ok");
        fields.forEach((name, value) -> {
            Field field = new Field();
            field.setName(name);
            field.setValue(value);
            reply.getField().add(field);
        });
        return reply;
    }

    private static TaskMessage birth(String taskId, Applicant parent, Map<String, String> extraForm) {
        Map<String, String> form = new java.util.HashMap<>(Map.of("newbornName", "林安然", "birthDate", "2026-01-01",
                "gender", "F", "birthCertificateNo", "S440123456"));
        form.putAll(extraForm);
        return new TaskMessage(taskId, "OW20261123-BBBBBBBBBB", "police", "PS-BIRTH-REGISTRATION", parent, form, Map.of());
    }

    private static Applicant person(String name, String idNumber) {
        return new Applicant(ApplicantKind.PERSON, name, idNumber, null, "13800138000");
    }
}
