package cn.dibao.common.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.ConversionService;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.Validator;
import org.springframework.web.bind.ServletRequestDataBinder;

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps what was typed in a page form made of nested records (a household and its head).
 * When one value does not convert ("2024-13-45" for a date, "abc" for an amount), Spring's
 * constructor binding gives up on the whole form: no form object, and each nested record that
 * did convert is recorded whole, so its fields come back empty (and a checkbox of unknown type
 * cannot even be drawn). This binds the request again without the values that did not convert
 * and shows that form with the original errors, which still hold the rejected values.
 */
@Component
public class NestedFormRebinder {

    private final ConversionService conversionService;
    private final Validator validator;

    NestedFormRebinder(@Qualifier("mvcConversionService") ConversionService conversionService,
                       @Qualifier("mvcValidator") Validator validator) {
        this.conversionService = conversionService;
        this.validator = validator;
    }

    /** Puts a form object and its errors back in the model after a failed constructor binding. */
    public void keepTypedValues(HttpServletRequest request, String name, Class<?> type, BindingResult failed,
                                Model model) {
        if (failed.getTarget() != null) {
            return;
        }
        Set<String> unconverted = failed.getFieldErrors().stream().filter(FieldError::isBindingFailure)
                .map(FieldError::getField).collect(Collectors.toSet());
        ServletRequestDataBinder binder = new ServletRequestDataBinder(null, name);
        binder.setTargetType(ResolvableType.forClass(type));
        binder.setConversionService(conversionService);
        PageModelAdvice.configure(binder);
        binder.construct(new WithoutParameters(request, unconverted));
        Object form = binder.getTarget();
        if (form == null) {
            return;
        }
        BindingResult shown = binder.getBindingResult();
        shown.addAllErrors(failed);
        // Rules of the fields that did convert, which the failed binding never checked.
        BeanPropertyBindingResult checked = new BeanPropertyBindingResult(form, name);
        validator.validate(form, checked);
        checked.getFieldErrors().stream().filter(e -> !shown.hasFieldErrors(e.getField())).forEach(shown::addError);
        model.addAttribute(name, form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, shown);
    }

    private static final class WithoutParameters extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        WithoutParameters(HttpServletRequest request, Set<String> left) {
            super(request);
            Map<String, String[]> p = new LinkedHashMap<>(request.getParameterMap());
            p.keySet().removeAll(left);
            this.parameters = Collections.unmodifiableMap(p);
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }
    }
}
