package cn.dibao.user.web;

import cn.dibao.common.security.PasswordChangeRequiredInterceptor;
import cn.dibao.common.security.StaffPrincipal;
import cn.dibao.common.error.DomainException;
import cn.dibao.user.StaffUserService;
import jakarta.validation.Valid;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** A staff member's own account: change password (forced after an initial or reset password). */
@Controller
class AccountController {

    static final String VIEW_PASSWORD = "user/password";

    private final StaffUserService users;
    private final SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();

    AccountController(StaffUserService users) {
        this.users = users;
    }

    @GetMapping(PasswordChangeRequiredInterceptor.CHANGE_PASSWORD_PATH)
    String initPasswordForm(Model model) {
        model.addAttribute("form", new PasswordForm(null, null, null));
        return VIEW_PASSWORD;
    }

    @PostMapping(PasswordChangeRequiredInterceptor.CHANGE_PASSWORD_PATH)
    String processPasswordForm(@Valid @ModelAttribute("form") PasswordForm form, BindingResult result,
                               HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        if (!result.hasFieldErrors("confirmPassword") && form.newPassword() != null
                && !form.newPassword().equals(form.confirmPassword())) {
            result.rejectValue("confirmPassword", "password.confirm.mismatch");
        }
        if (result.hasErrors()) {
            return VIEW_PASSWORD;
        }
        try {
            StaffPrincipal refreshed = users.changeOwnPassword(form.currentPassword(), form.newPassword());
            Authentication current = SecurityContextHolder.getContext().getAuthentication();
            Authentication updated = UsernamePasswordAuthenticationToken.authenticated(refreshed, null,
                    current.getAuthorities());
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(updated);
            SecurityContextHolder.setContext(context);
            contextRepository.saveContext(context, request, response);
        } catch (DomainException e) {
            e.rejectOn(result);
            return VIEW_PASSWORD;
        }
        redirect.addFlashAttribute("message", "password.changed");
        return "redirect:/";
    }
}
