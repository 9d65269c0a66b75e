package cn.dibao.standard.web;

import cn.dibao.area.AreaView;
import cn.dibao.common.error.DomainException;
import cn.dibao.common.web.NestedFormRebinder;
import cn.dibao.engine.DayUnit;
import cn.dibao.engine.RoundingRule;
import cn.dibao.engine.SingleBasis;
import cn.dibao.engine.TopUpMode;
import cn.dibao.engine.TopUpStacking;
import cn.dibao.household.HukouType;
import cn.dibao.standard.ProgrammeProcedures;
import cn.dibao.standard.StandardForm;
import cn.dibao.standard.StandardService;
import cn.dibao.standard.StandardService.TimelineEntry;
import cn.dibao.standard.StandardVersion;
import jakarta.servlet.http.HttpServletRequest;
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

/**
 * 救助标准 administration (ADMIN only, SecurityConfig): the areas with the standard in force,
 * an area's timeline of versions, new versions and edits of future, unused ones.
 */
@Controller
@RequestMapping("/admin/standards")
class StandardController {

    static final String VIEW_LIST = "standard/list";
    static final String VIEW_TIMELINE = "standard/timeline";
    static final String VIEW_FORM = "standard/form";

    private final StandardService standards;
    private final NestedFormRebinder rebinder;

    StandardController(StandardService standards, NestedFormRebinder rebinder) {
        this.standards = standards;
        this.rebinder = rebinder;
    }

    @ModelAttribute
    void options(Model model) {
        model.addAttribute("hukouTypes", HukouType.values());
        model.addAttribute("roundingRules", RoundingRule.values());
        model.addAttribute("topUpModes", TopUpMode.values());
        model.addAttribute("topUpStackings", TopUpStacking.values());
        model.addAttribute("singleBases", SingleBasis.values());
        model.addAttribute("dayUnits", DayUnit.values());
        model.addAttribute("procedureSections", ProgrammeProcedures.sections());
        model.addAttribute("exclusionSections", cn.dibao.standard.IncomeExclusions.sections());
        model.addAttribute("exclusionColumns", java.util.List.of("dibao", "dibaoUntil", "tekun", "tekunUntil"));
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("rows", standards.overview());
        return VIEW_LIST;
    }

    @GetMapping("/{areaCode}")
    String timeline(@PathVariable String areaCode, Model model) {
        AreaView area = standards.standardArea(areaCode);
        model.addAttribute("area", area);
        model.addAttribute("current", standards.inForceNow(area));
        model.addAttribute("entries", standards.timeline(areaCode));
        model.addAttribute("currentMonth", standards.currentMonth());
        return VIEW_TIMELINE;
    }

    @GetMapping("/{areaCode}/new")
    String initCreateForm(@PathVariable String areaCode, Model model) {
        AreaView area = standards.standardArea(areaCode);
        model.addAttribute("form", standards.newVersionForm(area.code()));
        return createView(area, model);
    }

    @PostMapping("/{areaCode}/new")
    String processCreateForm(@PathVariable String areaCode, @Valid @ModelAttribute("form") StandardForm form,
                             BindingResult result, Model model, RedirectAttributes redirect,
                             HttpServletRequest request) {
        AreaView area = standards.standardArea(areaCode);
        if (!result.hasErrors()) {
            try {
                StandardVersion created = standards.create(form.withAreaCode(area.code()));
                redirect.addFlashAttribute("message", "standard.created");
                redirect.addFlashAttribute("messageArg", created.effectiveFrom().toString());
                return "redirect:/admin/standards/" + area.code();
            } catch (DomainException e) {
                e.rejectOn(result);
            }
        }
        rebinder.keepTypedValues(request, "form", StandardForm.class, result, model);
        return createView(area, model);
    }

    @GetMapping("/versions/{id}/edit")
    String initEditForm(@PathVariable long id, Model model, RedirectAttributes redirect) {
        TimelineEntry entry = standards.entry(id);
        if (!entry.editable()) {
            redirect.addFlashAttribute("error", "standard.locked");
            return "redirect:/admin/standards/" + entry.version().areaCode();
        }
        model.addAttribute("form", StandardForm.from(entry.version()));
        model.addAttribute("version", entry.version().version());
        return editView(entry, model);
    }

    @PostMapping("/versions/{id}/edit")
    String processEditForm(@PathVariable long id, @Valid @ModelAttribute("form") StandardForm form,
                           BindingResult result, @RequestParam long version, Model model,
                           RedirectAttributes redirect, HttpServletRequest request) {
        TimelineEntry entry = standards.entry(id);
        String timeline = "redirect:/admin/standards/" + entry.version().areaCode();
        if (!entry.editable()) {
            redirect.addFlashAttribute("error", "standard.locked");
            return timeline;
        }
        if (!result.hasErrors()) {
            try {
                StandardVersion updated = standards.update(id, form.withAreaCode(entry.version().areaCode()), version);
                redirect.addFlashAttribute("message", "standard.updated");
                redirect.addFlashAttribute("messageArg", updated.effectiveFrom().toString());
                return timeline;
            } catch (DomainException e) {
                if ("standard.locked".equals(e.messageKey())) {
                    redirect.addFlashAttribute("error", e.messageKey());
                    return timeline;
                }
                e.rejectOn(result);
            }
        }
        // a value that did not convert leaves no form object: bound again without it, the page keeps the rest
        rebinder.keepTypedValues(request, "form", StandardForm.class, result, model);
        model.addAttribute("version", version);
        return editView(entry, model);
    }

    private String createView(AreaView area, Model model) {
        model.addAttribute("area", area);
        model.addAttribute("editing", false);
        return VIEW_FORM;
    }

    private String editView(TimelineEntry entry, Model model) {
        model.addAttribute("area", standards.standardArea(entry.version().areaCode()));
        model.addAttribute("entry", entry);
        model.addAttribute("editing", true);
        return VIEW_FORM;
    }
}
