package org.onewindow.hub.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The console's overview (/console): departments, routes, broker queues and material sources. The page reloads its
 * tables from /console/overview/live every few seconds (console.js) without reloading itself; /console/overview.json
 * gives the same figures to scripts.
 */
@Controller
class OverviewController {

    private final OverviewReader reader;

    OverviewController(OverviewReader reader) {
        this.reader = reader;
    }

    @GetMapping("/console")
    String page(Model model) {
        model.addAttribute("overview", reader.read());
        model.addAttribute("page", "overview");
        return "console/overview";
    }

    /** The tables alone, for the page's live updates. */
    @GetMapping("/console/overview/live")
    String live(Model model) {
        model.addAttribute("overview", reader.read());
        return "console/overview :: tables";
    }

    @GetMapping(path = "/console/overview.json", produces = "application/json")
    @ResponseBody
    Overview json() {
        return reader.read();
    }
}
