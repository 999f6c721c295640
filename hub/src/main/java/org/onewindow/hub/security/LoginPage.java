package org.onewindow.hub.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import java.util.stream.Collectors;

/**
 * GET /login: the sign-in page of operators, auditors and administrators, in Chinese and English. Posting it signs
 * the person in (Spring Security's form login, CSRF-protected); signed in, the page says who and with which roles.
 */
@RestController
class LoginPage {

    private final Callers callers;

    LoginPage(Callers callers) {
        this.callers = callers;
    }

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    String page(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String hidden = csrf == null ? "" : "<input type=\"hidden\" name=\"" + csrf.getParameterName() + "\" value=\""
                + HtmlUtils.htmlEscape(csrf.getToken()) + "\">";
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        StringBuilder body = new StringBuilder();
        if (signedIn != null && signedIn.isAuthenticated() && !(signedIn instanceof AnonymousAuthenticationToken)) {
            Caller caller = callers.of(signedIn);
            String roles = signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_"))
                    .map(a -> a.substring(5).toLowerCase()).sorted().collect(Collectors.joining(", "));
            body.append("<p id=\"signed-in\">已登录 Signed in: <strong>").append(HtmlUtils.htmlEscape(caller.name()))
                    .append("</strong> (").append(HtmlUtils.htmlEscape(roles)).append(")</p>");
            if (caller.isOperator()) {
                body.append("<p><a id=\"to-console\" href=\"/console\">运维控制台 Operator console</a></p>");
            }
            body
                    .append("<form method=\"post\" action=\"/logout\">").append(hidden)
                    .append("<button type=\"submit\">退出 Sign out</button></form>");
        } else {
            if (request.getParameter("error") != null) {
                body.append("<p id=\"error\" role=\"alert\">用户名或密码错误 The user name or password is wrong.</p>");
            }
            if (request.getParameter("signedOut") != null) {
                body.append("<p id=\"signed-out\">已退出 You have signed out.</p>");
            }
            body.append("<form method=\"post\" action=\"/login\">").append(hidden)
                    .append("<p><label for=\"username\">用户名 User name</label><br><input id=\"username\" name=\"username\" autocomplete=\"username\" required autofocus></p>")
                    .append("<p><label for=\"password\">密码 Password</label><br><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required></p>")
                    .append("<button type=\"submit\">登录 Sign in</button></form>");
        }
        return """
                <!DOCTYPE html>
                <html lang="zh-CN"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>登录 Sign in · OneWindow Hub</title>
                <style>body{font-family:sans-serif;max-width:28em;margin:4em auto;padding:0 1em}input{width:100%;padding:.4em}
                button{padding:.5em 1.5em;margin-top:.5em}#error{color:#b00020}</style></head>
                <body><h1>一窗受理数据枢纽 OneWindow Hub</h1><h2>运维人员登录 Sign in (operators, auditors, administrators)</h2>
                """ + body + "</body></html>";
    }
}
