package cn.dibao.area.web;

import cn.dibao.area.AreaForm;
import cn.dibao.area.AreaLevel;
import cn.dibao.area.AreaService;
import cn.dibao.area.AreaView;
import cn.dibao.area.RenameForm;
import cn.dibao.common.error.DomainException;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/** 行政区划 administration: list, add, rename, retire. Areas are never deleted. */
@Controller
@RequestMapping("/admin/areas")
class AreaController {

    static final String VIEW_LIST = "area/list";
    static final String VIEW_FORM = "area/form";
    static final String VIEW_RENAME = "area/rename";

    private final AreaService areas;

    AreaController(AreaService areas) {
        this.areas = areas;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("areas", areas.listInScope());
        return VIEW_LIST;
    }

    @GetMapping("/new")
    String initCreateForm(@RequestParam(required = false) String parent, Model model) {
        AreaLevel level = AreaLevel.COUNTY;
        if (parent != null) {
            level = areas.get(parent).level().childLevel();
        }
        model.addAttribute("form", AreaForm.empty(parent, level));
        return formView(model);
    }

    @PostMapping("/new")
    String processCreateForm(@Valid @ModelAttribute("form") AreaForm form, BindingResult result, Model model,
                             RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return formView(model);
        }
        try {
            AreaView created = areas.create(form.toNewArea());
            redirect.addFlashAttribute("message", "area.created");
            redirect.addFlashAttribute("messageArg", created.name());
            return "redirect:/admin/areas";
        } catch (DomainException e) {
            e.rejectOn(result);
            return formView(model);
        }
    }

    @GetMapping("/{code}/edit")
    String initRenameForm(@PathVariable String code, Model model) {
        AreaView area = areas.get(code);
        model.addAttribute("area", area);
        model.addAttribute("form", new RenameForm(area.name(), area.version()));
        return VIEW_RENAME;
    }

    @PostMapping("/{code}/edit")
    String processRenameForm(@PathVariable String code, @Valid @ModelAttribute("form") RenameForm form,
                             BindingResult result, Model model, RedirectAttributes redirect) {
        AreaView area = areas.get(code);
        if (result.hasErrors()) {
            model.addAttribute("area", area);
            return VIEW_RENAME;
        }
        areas.rename(code, form.name(), form.version());
        redirect.addFlashAttribute("message", "area.renamed");
        redirect.addFlashAttribute("messageArg", form.name());
        return "redirect:/admin/areas";
    }

    @PostMapping("/{code}/retire")
    String retire(@PathVariable String code, @RequestParam long version, RedirectAttributes redirect) {
        try {
            AreaView retired = areas.retire(code, version);
            redirect.addFlashAttribute("message", "area.retired");
            redirect.addFlashAttribute("messageArg", retired.name());
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        return "redirect:/admin/areas";
    }

    private String formView(Model model) {
        List<AreaView> parents = areas.listInScope().stream().filter(a -> !a.retired() && a.level() != AreaLevel.VILLAGE)
                .toList();
        model.addAttribute("parents", parents);
        model.addAttribute("levels", AreaLevel.values());
        return VIEW_FORM;
    }
}
