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
import cn.dibao.standard.ProgrammeProperty;
import cn.dibao.standard.StandardForm;
import cn.dibao.standard.StandardService;
import cn.dibao.standard.StandardService.TimelineEntry;
import cn.dibao.standard.StandardVersion;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.context.support.DefaultMessageSourceResolvable;
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
        model.addAttribute("propertySections", ProgrammeProperty.SECTIONS);
        model.addAttribute("propertyFields", PROPERTY_FIELDS);
        model.addAttribute("exclusionSections", cn.dibao.standard.IncomeExclusions.sections());
        model.addAttribute("exclusionColumns", java.util.List.of("dibao", "dibaoUntil", "tekun", "tekunUntil"));
    }

    /** The rows of the per-programme property table: a limit of {@link cn.dibao.standard.PropertyLimits} and its unit. */
    private static final List<String[]> PROPERTY_FIELDS = List.of(new String[]{"moneyAssetsMultiple", "times"},
            new String[]{"maxVehicles", "vehicles"}, new String[]{"maxVehicleValue", "yuan"},
            new String[]{"maxHomes", "homes"}, new String[]{"maxFloorAreaPerPerson", "sqmPerPerson"},
            new String[]{"maxBusinessCapital", "yuan"}, new String[]{"maxOtherAssets", "yuan"},
            new String[]{"recentHomeYears", "years"}, new String[]{"maxNonResidential", "homes"});

    /**
     * The page shows every programme's limits (those without limits of their own filled with 低保's) and ticks
     * the programmes that have their own (ADR 0019).
     */
    private static StandardForm forPage(StandardForm form, Model model) {
        model.addAttribute("propertyOwn", form.propertyByProgramme().own());
        return form.withPropertyByProgramme(form.propertyByProgramme().filled(form.property()));
    }

    /** Only the ticked programmes keep the limits the page posted; the others follow 低保. */
    private static StandardForm fromPage(StandardForm form, Set<String> own) {
        return form.withPropertyByProgramme(form.propertyByProgramme().keepOnly(own));
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
        model.addAttribute("form", forPage(standards.newVersionForm(area.code()), model));
        return createView(area, model);
    }

    @PostMapping("/{areaCode}/new")
    String processCreateForm(@PathVariable String areaCode, @Valid @ModelAttribute("form") StandardForm form,
                             BindingResult result, Model model, RedirectAttributes redirect,
                             HttpServletRequest request,
                             @RequestParam(name = "propertyOwn", required = false) Set<String> propertyOwn) {
        AreaView area = standards.standardArea(areaCode);
        Set<String> own = propertyOwn == null ? Set.of() : propertyOwn;
        model.addAttribute("propertyOwn", own);
        if (!result.hasErrors()) {
            try {
                StandardVersion created = standards.create(fromPage(form, own).withAreaCode(area.code()));
                redirect.addFlashAttribute("message", "standard.created");
                redirect.addFlashAttribute("messageArg", created.effectiveFrom().toString());
                return "redirect:/admin/standards/" + area.code();
            } catch (DomainException e) {
                e.rejectOn(result);
            }
        }
        rebinder.keepTypedValues(request, "form", StandardForm.class, result, model);
        drawable(model, result, area.code());
        return createView(area, model);
    }

    @GetMapping("/versions/{id}/edit")
    String initEditForm(@PathVariable long id, Model model, RedirectAttributes redirect) {
        TimelineEntry entry = standards.entry(id);
        if (!entry.editable()) {
            redirect.addFlashAttribute("error", "standard.locked");
            return "redirect:/admin/standards/" + entry.version().areaCode();
        }
        model.addAttribute("form", forPage(StandardForm.from(entry.version()), model));
        model.addAttribute("version", entry.version().version());
        return editView(entry, model);
    }

    @PostMapping("/versions/{id}/edit")
    String processEditForm(@PathVariable long id, @Valid @ModelAttribute("form") StandardForm form,
                           BindingResult result, @RequestParam long version, Model model,
                           RedirectAttributes redirect, HttpServletRequest request,
                           @RequestParam(name = "propertyOwn", required = false) Set<String> propertyOwn) {
        TimelineEntry entry = standards.entry(id);
        Set<String> own = propertyOwn == null ? Set.of() : propertyOwn;
        model.addAttribute("propertyOwn", own);
        String timeline = "redirect:/admin/standards/" + entry.version().areaCode();
        if (!entry.editable()) {
            redirect.addFlashAttribute("error", "standard.locked");
            return timeline;
        }
        if (!result.hasErrors()) {
            try {
                StandardVersion updated = standards.update(id,
                        fromPage(form, own).withAreaCode(entry.version().areaCode()), version);
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
        drawable(model, result, entry.version().areaCode());
        model.addAttribute("version", version);
        return editView(entry, model);
    }

    /** The form's sections by the heading each has on the page. */
    private static final java.util.Map<String, String> SECTION_HEADINGS = java.util.Map.ofEntries(
            java.util.Map.entry("dibao", "dibao"), java.util.Map.entry("topUps", "topup"),
            java.util.Map.entry("property", "property"), java.util.Map.entry("propertyByProgramme", "property"),
            java.util.Map.entry("tekun", "tekun"), java.util.Map.entry("edge", "edge"),
            java.util.Map.entry("single", "edge"), java.util.Map.entry("rigid", "rigid"),
            java.util.Map.entry("tempRelief", "tempRelief"), java.util.Map.entry("reviews", "dynamic"),
            java.util.Map.entry("procedure", "procedure"), java.util.Map.entry("procedures", "procedure"),
            java.util.Map.entry("incomeExclusions", "incomeExclusions"));

    /**
     * A post without a whole section is refused on that section ({@code standard.required}); to draw the page
     * again the missing sections show the national defaults, with the errors kept.
     */
    private static void drawable(Model model, BindingResult result, String areaCode) {
        if (model.getAttribute("form") instanceof StandardForm shown && shown.missesASection()) {
            StandardForm filled = shown.withMissingSectionsFrom(StandardForm.defaults(areaCode, shown.effectiveFrom()));
            if (shown.propertyByProgramme() == null) {
                // every programme column is drawn, following 低保 (as a new form shows them)
                filled = filled.withPropertyByProgramme(filled.propertyByProgramme().filled(filled.property()));
            }
            Object kept = model.getAttribute(BindingResult.MODEL_KEY_PREFIX + "form");
            BindingResult drawn = new org.springframework.validation.BeanPropertyBindingResult(filled, "form");
            for (org.springframework.validation.ObjectError e : (kept instanceof BindingResult b ? b : result).getAllErrors()) {
                if (e instanceof org.springframework.validation.FieldError f && f.getField().indexOf('.') < 0
                        && SECTION_HEADINGS.containsKey(f.getField())) {
                    // the whole section is missing: said once, above the form, by the heading it has there
                    drawn.reject("standard.sectionMissing", new Object[] {new DefaultMessageSourceResolvable(
                            "standard.section." + SECTION_HEADINGS.get(f.getField()))}, null);
                } else {
                    drawn.addError(e);
                }
            }
            model.addAttribute("form", filled);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", drawn);
        }
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
