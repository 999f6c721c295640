package org.onewindow.adapters.tax;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onewindow.adapters.kit.DepartmentContractException;
import org.onewindow.adapters.kit.DepartmentFaultException;
import org.onewindow.adapters.kit.SoapDepartmentMapping.SoapRequest;
import org.onewindow.adapters.tax.wsdl.Request;
import org.onewindow.adapters.tax.wsdl.TaxServicePort;
import org.onewindow.schemas.cases.Applicant;
import org.onewindow.schemas.cases.ApplicantKind;
import org.onewindow.schemas.tasks.TaskMessage;
import org.onewindow.schemas.tasks.TaskOutcome;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tax adapter against the bureau's simulator (seeds/simulators/tax) over real SOAP, with a CXF client
 * built from the bureau's WSDL: the mapping's requests are accepted, each answer is read as the decision
 * it is, and every kind of broken reply or fault ends as the failure it should be.
 */
class TaxContractTest {

    private static WireMockServer bureau;
    private static TaxServicePort client;
    private final TaxMapping mapping = new TaxMapping();

    @BeforeAll
    static void startTheBureausSimulator() {
        bureau = new WireMockServer(options().dynamicPort().usingFilesUnderDirectory("../../seeds/simulators/tax"));
        bureau.start();
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(TaxServicePort.class);
        factory.setWsdlURL("classpath:contracts/departments/tax/tax-service.wsdl");
        factory.setAddress(bureau.baseUrl() + "/tax/services/TaxService");
        // as the kit's soap-call template: every reply is validated against the WSDL's schema
        factory.setProperties(new java.util.HashMap<>(Map.of("schema-validation-enabled", "IN")));
        client = (TaxServicePort) factory.create();
    }

    @AfterAll
    static void stop() {
        bureau.stop();
    }

    @Test
    void deedTaxIsAssessedWithAPaymentVoucher() throws Exception {
        TaskMessage task = task("OW20261123-AAAAAAAAAA-01", "TAX-DEED-TAX", person("张三", "11010519491231002X"));
        TaskOutcome outcome = mapping.outcome(task, call(task));
        assertThat(outcome.decision()).isEqualTo(TaskOutcome.Decision.COMPLETED);
        assertThat(outcome.results()).containsEntry("paymentVoucherNo", "WS-OW20261123-AAAAAAAAAA-01").containsKey("taxAmount");
    }

    @Test
    void aNewCompanyIsRegisteredByItsCreditCode() throws Exception {
        TaskMessage task = task("T-2", "TAX-REGISTRATION",
                new Applicant(ApplicantKind.COMPANY, "南京味道餐饮有限公司", null, "91320102MA1XYW123R", "13800138000"));
        SoapRequest request = mapping.request(task);
        assertThat(request.operation()).isEqualTo("RegisterTaxpayer");
        assertThat(((Request) request.payload()).getTaxpayer().getIdType()).isEqualTo("501");
        TaskOutcome outcome = mapping.outcome(task, call(task));
        assertThat(outcome.results()).containsEntry("taxpayerId", "91320102MA1XYW123R");
    }

    @Test
    void aNewCompanyGetsItsFirstInvoicesByTheCreditCodeItsEstablishmentGave() throws Exception {
        // 企业开办: the founder applies; the company an earlier step registered is the taxpayer (its inputs)
        TaskMessage task = new TaskMessage("OW20261123-AAAAAAAAAA-03", "OW20261123-AAAAAAAAAA", "tax", "TAX-INVOICE-APPLICATION",
                person("张三", "11010519491231002X"), Map.of("companyName", "南京晨光科技有限公司"),
                Map.of("creditCode", "92330102MA2CY0011X", "companyName", "南京晨光科技有限公司"));
        SoapRequest request = mapping.request(task);
        assertThat(request.operation()).isEqualTo("ApplyForInvoices");
        Request body = (Request) request.payload();
        assertThat(body.getTaxpayer().getIdType()).isEqualTo("501");
        assertThat(body.getTaxpayer().getIdNumber()).isEqualTo("92330102MA2CY0011X");
        assertThat(body.getTaxpayer().getName()).isEqualTo("南京晨光科技有限公司");

        TaskOutcome outcome = mapping.outcome(task, call(task));

        assertThat(outcome.decision()).isEqualTo(TaskOutcome.Decision.COMPLETED);
        assertThat(outcome.departmentRef()).isEqualTo("FP-OW20261123-AAAAAAAAAA-03");
        assertThat(outcome.results()).containsEntry("taxpayerId", "92330102MA2CY0011X")
                .containsEntry("invoiceKinds", "数电发票（增值税专用发票、普通发票）").containsKey("invoicingLimit");
        bureau.verify(postRequestedFor(urlPathEqualTo("/tax/services/TaxService"))
                .withRequestBody(containing("InvoiceApplication")).withRequestBody(containing("92330102MA2CY0011X")));
    }

    @Test
    void aRefusalCarriesTheBureausCode() throws Exception {
        TaskMessage task = task("T-3", "TAX-DEED-TAX", person("陈一", "310104197803120010"));
        TaskOutcome outcome = mapping.outcome(task, call(task));
        assertThat(outcome.decision()).isEqualTo(TaskOutcome.Decision.REJECTED);
        assertThat(outcome.reason()).startsWith("[3001]");
    }

    @Test
    void aClientFaultIsNotRetriedAndAServerFaultIs() {
        assertThatThrownBy(() -> failure(task("T-4", "TAX-DEED-TAX", person("林二", "310104198207070023"))))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("E-101");
        assertThatThrownBy(() -> failure(task("T-5", "TAX-DEED-TAX", person("黄三", "310104199009090036"))))
                .isInstanceOf(DepartmentFaultException.class).hasMessageContaining("E-500");
    }

    @Test
    void brokenXmlAWrongNamespaceAndADoctypeAreContractFaults() {
        assertThatThrownBy(() -> failure(task("T-6", "TAX-DEED-TAX", person("吴四", "310104198505050047"))))
                .isInstanceOf(DepartmentContractException.class);
        assertThatThrownBy(() -> failure(task("T-7", "TAX-DEED-TAX", person("郑五", "310104197001010055"))))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("urn:other-bureau:v9");
        assertThatThrownBy(() -> failure(task("T-8", "TAX-DEED-TAX", person("冯六", "310104198808180068"))))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("DTD");
    }

    @Test
    void aRefusalLongerThanTheContractAllowsIsAContractFaultNamingTheFieldAndItsLimit() {
        // Chu Qi 褚七: a ResultMessage of 2,160 characters, where the schema allows 500
        assertThatThrownBy(() -> failure(task("T-10", "TAX-DEED-TAX", person("褚七", "310104198910100087"))))
                .isInstanceOf(DepartmentContractException.class)
                .hasMessageContaining("ResultMessage is 2160 characters long; its contract allows at most 500");
    }

    @Test
    void aReplyToAnotherRequestIsAContractFault() {
        TaskMessage task = task("T-9", "TAX-DEED-TAX", person("张三", "11010519491231002X"));
        org.onewindow.adapters.tax.wsdl.Reply reply = new org.onewindow.adapters.tax.wsdl.Reply();
        reply.setRequestId("SOMEONE-ELSE");
        reply.setResultCode("0000");
        reply.setResultMessage("ok");
        assertThatThrownBy(() -> mapping.outcome(task, reply)).isInstanceOf(DepartmentContractException.class);
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
        Request request = (Request) mapping.request(task).payload();
        return switch (task.itemCode()) {
            case "TAX-DEED-TAX" -> client.declareDeedTax(request);
            case "TAX-REGISTRATION" -> client.registerTaxpayer(request);
            case "TAX-INVOICE-APPLICATION" -> client.applyForInvoices(request);
            default -> client.issuePaymentCertificate(request);
        };
    }

    private static TaskMessage task(String taskId, String item, Applicant applicant) {
        return new TaskMessage(taskId, "OW20261123-AAAAAAAAAA", "tax", item, applicant, Map.of("contractNo", "HT-1"), Map.of());
    }

    private static Applicant person(String name, String idNumber) {
        return new Applicant(ApplicantKind.PERSON, name, idNumber, null, "13800138000");
    }
}
