package cn.dibao.eligibility.web;

import cn.dibao.common.error.DomainException;
import cn.dibao.eligibility.CheckReport;
import cn.dibao.eligibility.EligibilityCheckService;
import cn.dibao.engine.EligibilityEngine.CareSetting;
import cn.dibao.household.HouseholdService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.YearMonth;

/** The eligibility check of a household for a month, and the printable explanation of a stored check. */
@Controller
class EligibilityController {

    static final String VIEW_FORM = "eligibility/form";
    static final String VIEW_REPORT = "eligibility/report";

    private final EligibilityCheckService checks;
    private final HouseholdService households;
    private final Clock clock;

    EligibilityController(EligibilityCheckService checks, HouseholdService households, Clock clock) {
        this.checks = checks;
        this.households = households;
        this.clock = clock;
    }

    record CheckForm(@NotNull(message = "{eligibility.month.required}") YearMonth month, CareSetting careSetting) {
    }

    @GetMapping("/households/{id}/eligibility")
    String initForm(@PathVariable long id, Model model) {
        model.addAttribute("form", new CheckForm(YearMonth.now(clock), CareSetting.HOME));
        return formView(id, model);
    }

    @PostMapping("/households/{id}/eligibility")
    String run(@PathVariable long id, @Valid @ModelAttribute("form") CheckForm form, BindingResult result, Model model,
               RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                CheckReport report = checks.run(id, form.month(), form.careSetting());
                redirect.addFlashAttribute("message", "eligibility.done");
                redirect.addFlashAttribute("messageArg", report.checkId());
                return "redirect:/eligibility-checks/" + report.checkId();
            } catch (DomainException e) {
                if (EligibilityCheckService.STANDARD_NOT_IN_FORCE.equals(e.messageKey())) {
                    // a month under a standard not in force yet is shown, not stored (ADR 0023)
                    model.addAttribute("report", checks.previewOf(id, form.month(), form.careSetting()));
                    model.addAttribute("file", households.file(id));
                    model.addAttribute("previewFrom", e.args()[0]);
                    return VIEW_REPORT;
                }
                e.rejectOn(result);
            }
        }
        return formView(id, model);
    }

    @GetMapping("/eligibility-checks/{checkId}")
    String report(@PathVariable long checkId, Model model) {
        CheckReport report = checks.get(checkId);
        model.addAttribute("report", report);
        model.addAttribute("file", households.file(report.householdId()));
        return VIEW_REPORT;
    }

    private String formView(long id, Model model) {
        model.addAttribute("file", households.file(id));
        model.addAttribute("checks", checks.forHousehold(id));
        model.addAttribute("careSettings", CareSetting.values());
        return VIEW_FORM;
    }
}
