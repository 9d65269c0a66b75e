package cn.dibao.common.web;

import cn.dibao.common.security.CurrentStaff;
import cn.dibao.common.security.StaffPrincipal;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page needs: the logged-in staff member, and form strings trimmed (blank → null). */
@ControllerAdvice(annotations = Controller.class)
class PageModelAdvice {

    @ModelAttribute("currentStaff")
    StaffPrincipal currentStaff() {
        return CurrentStaff.principal().orElse(null);
    }

    @InitBinder
    void trimStrings(WebDataBinder binder) {
        configure(binder);
    }

    static void configure(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
        binder.setDisallowedFields("id");
    }
}
