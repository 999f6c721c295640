package org.onewindow.hub.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves the intake contract at /v3/api-docs (JSON) and /v3/api-docs.yaml; Swagger UI reads the former. */
@RestController
class ContractController {

    private final IntakeContract contract;
    private final String yaml;

    ContractController(IntakeContract contract) throws JsonProcessingException {
        this.contract = contract;
        this.yaml = new YAMLMapper().writeValueAsString(contract.document());
    }

    @GetMapping(path = "/v3/api-docs", produces = "application/json")
    JsonNode json() {
        return contract.document();
    }

    @GetMapping(path = "/v3/api-docs.yaml", produces = "application/yaml")
    String yaml() {
        return yaml;
    }
}
