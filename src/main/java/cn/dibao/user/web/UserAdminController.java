package cn.dibao.user.web;

import cn.dibao.common.security.Role;
import cn.dibao.common.error.DomainException;
import cn.dibao.user.StaffUserService;
import cn.dibao.user.StaffUserView;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.EnumSet;
import java.util.Set;

/** Staff accounts for administrators: create, change roles and scope, reset passwords, unlock. */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    static final String VIEW_LIST = "user/list";
    static final String VIEW_FORM = "user/form";

    private final StaffUserService users;

    UserAdminController(StaffUserService users) {
        this.users = users;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("users", users.listInScope());
        return VIEW_LIST;
    }

    @GetMapping("/new")
    String initCreateForm(Model model) {
        model.addAttribute("form", new UserForm(null, null, null, null, EnumSet.noneOf(Role.class), true, 0));
        return formView(model, false);
    }

    @PostMapping("/new")
    String processCreateForm(@Valid @ModelAttribute("form") UserForm form, BindingResult result, Model model,
                             RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return formView(model, false);
        }
        try {
            StaffUserView created = users.create(new StaffUserService.NewStaffUser(form.username(),
                    form.displayName(), form.password(), form.scopeAreaCode(), roles(form)));
            redirect.addFlashAttribute("message", "user.created");
            redirect.addFlashAttribute("messageArg", created.username());
            return "redirect:/admin/users";
        } catch (DomainException e) {
            e.rejectOn(result);
            return formView(model, false);
        }
    }

    @GetMapping("/{id}/edit")
    String initEditForm(@PathVariable long id, Model model) {
        StaffUserView u = users.get(id);
        model.addAttribute("user", u);
        model.addAttribute("form", new UserForm(u.username(), u.displayName(), null, u.scopeAreaCode(), u.roles(),
                u.enabled(), u.version()));
        return formView(model, true);
    }

    @PostMapping("/{id}/edit")
    String processEditForm(@PathVariable long id, @Valid @ModelAttribute("form") UserForm form, BindingResult result,
                           Model model, RedirectAttributes redirect) {
        StaffUserView u = users.get(id);
        model.addAttribute("user", u);
        if (result.hasErrors()) {
            return formView(model, true);
        }
        try {
            users.update(id, new StaffUserService.UserChanges(form.displayName(), form.scopeAreaCode(), roles(form),
                    form.enabled(), form.version()));
            redirect.addFlashAttribute("message", "user.updated");
            redirect.addFlashAttribute("messageArg", u.username());
            return "redirect:/admin/users";
        } catch (DomainException e) {
            e.rejectOn(result);
            return formView(model, true);
        }
    }

    /** Shows the generated temporary password once, on the list page, to hand to the user. */
    @PostMapping("/{id}/reset-password")
    String resetPassword(@PathVariable long id, RedirectAttributes redirect) {
        StaffUserView u = users.get(id);
        String temporary = StaffUserService.generatePassword();
        users.resetPassword(id, temporary);
        redirect.addFlashAttribute("message", "user.passwordReset");
        redirect.addFlashAttribute("messageArg", u.username());
        redirect.addFlashAttribute("temporaryPassword", temporary);
        return "redirect:/admin/users";
    }

    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        StaffUserView u = users.get(id);
        users.unlock(id);
        redirect.addFlashAttribute("message", "user.unlocked");
        redirect.addFlashAttribute("messageArg", u.username());
        return "redirect:/admin/users";
    }

    private static Set<Role> roles(UserForm form) {
        return form.roles() == null || form.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(form.roles());
    }

    private String formView(Model model, boolean edit) {
        model.addAttribute("edit", edit);
        model.addAttribute("scopes", users.assignableScopes());
        model.addAttribute("allRoles", Role.values());
        return VIEW_FORM;
    }
}
