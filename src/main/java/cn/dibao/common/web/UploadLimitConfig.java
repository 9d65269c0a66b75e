package cn.dibao.common.web;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The upload size guard ({@link UploadLimitFilter}) just ahead of Spring Security. */
@Configuration(proxyBeanMethods = false)
class UploadLimitConfig {

    @Bean
    FilterRegistrationBean<UploadLimitFilter> uploadLimitFilter(MessageSource messages) {
        FilterRegistrationBean<UploadLimitFilter> registration = new FilterRegistrationBean<>(new UploadLimitFilter(messages));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
