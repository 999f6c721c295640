package org.onewindow.hub.console;

import org.onewindow.hub.operatoractions.OperatorActionStore;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The audit of what operators did to stuck work and departments (replays, discards, pauses, resumes), newest first. */
@Controller
class ActionsController {

    static final int SHOWN = 200;

    private final OperatorActionStore actions;

    ActionsController(OperatorActionStore actions) {
        this.actions = actions;
    }

    @GetMapping("/console/actions")
    String page(Model model) {
        model.addAttribute("page", "actions");
        model.addAttribute("actions", actions.recent(SHOWN));
        return "console/actions";
    }
}
