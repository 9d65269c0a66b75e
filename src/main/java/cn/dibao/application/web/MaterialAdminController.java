package cn.dibao.application.web;

import cn.dibao.application.AssistanceType;
import cn.dibao.application.MaterialRequirements;
import cn.dibao.common.error.DomainException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators keep the materials checklist per assistance type (/admin/** is ADMIN only). */
@Controller
class MaterialAdminController {

    private final MaterialRequirements materials;

    MaterialAdminController(MaterialRequirements materials) {
        this.materials = materials;
    }

    record MaterialForm(AssistanceType assistanceType, String code, String name, Boolean required) {
    }

    @GetMapping("/admin/materials")
    String list(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new MaterialForm(AssistanceType.DIBAO, null, null, true));
        }
        model.addAttribute("items", materials.all());
        model.addAttribute("types", AssistanceType.values());
        return "application/materials";
    }

    @PostMapping("/admin/materials")
    String add(@ModelAttribute("form") MaterialForm form, BindingResult result, Model model,
               RedirectAttributes redirect) {
        try {
            materials.add(form.assistanceType(), form.code() == null ? null : form.code().trim(), form.name(),
                    Boolean.TRUE.equals(form.required()));
            redirect.addFlashAttribute("message", "material.saved");
            return "redirect:/admin/materials";
        } catch (DomainException e) {
            e.rejectOn(result);
            return list(model);
        }
    }

    @PostMapping("/admin/materials/{id}")
    String change(@PathVariable long id, @RequestParam(defaultValue = "false") boolean required,
                  @RequestParam(defaultValue = "false") boolean active, RedirectAttributes redirect) {
        materials.change(id, required, active);
        redirect.addFlashAttribute("message", "material.saved");
        return "redirect:/admin/materials";
    }
}
