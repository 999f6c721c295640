package org.onewindow.hub.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import java.time.Duration;
import java.util.Locale;

/**
 * The console speaks Chinese by default (the hall's operators) and English on request: {@code ?lang=en} or
 * {@code ?lang=zh-CN} on any console page switches, and a cookie keeps the choice. The labels are in
 * {@code console/messages*.properties}.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration implements WebMvcConfigurer {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    /** Named localeResolver, so that Spring MVC uses it instead of the Accept-Language header. */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("onewindow-console-lang");
        resolver.setDefaultLocale(CHINESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookiePath("/console");
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Strict");
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor language = new LocaleChangeInterceptor();
        language.setParamName("lang");
        language.setIgnoreInvalidLocale(true);
        registry.addInterceptor(language).addPathPatterns("/console", "/console/**");
    }
}
