package org.onewindow.hub.console;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page shows besides its own content: who is signed in, and where the language switch leads. */
@ControllerAdvice(basePackageClasses = ConsolePages.class)
class ConsolePages {

    @ModelAttribute
    void common(Model model, HttpServletRequest request, Authentication authentication) {
        model.addAttribute("operatorName", authentication == null ? "" : authentication.getName());
        // a POST (a case opened with a reason, a replay) switches language on its page's GET address
        model.addAttribute("currentPath", request.getRequestURI().substring(request.getContextPath().length()));
    }
}
