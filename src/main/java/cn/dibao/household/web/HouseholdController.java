package cn.dibao.household.web;

import cn.dibao.common.identity.IdType;
import cn.dibao.common.error.DomainException;
import cn.dibao.common.web.NestedFormRebinder;
import cn.dibao.household.AssetData;
import cn.dibao.household.AssetType;
import cn.dibao.household.DeductionData;
import cn.dibao.household.DeductionType;
import cn.dibao.household.Employment;
import cn.dibao.household.ExclusionReason;
import cn.dibao.household.ExpenseData;
import cn.dibao.household.ExpenseType;
import cn.dibao.household.HouseholdData;
import cn.dibao.household.HouseholdFile;
import cn.dibao.household.HouseholdQuery;
import cn.dibao.household.HouseholdService;
import cn.dibao.household.HouseholdStatus;
import cn.dibao.household.HouseholdTag;
import cn.dibao.household.HukouType;
import cn.dibao.household.IncomeCategory;
import cn.dibao.household.IncomeData;
import cn.dibao.household.LabourAbility;
import cn.dibao.household.NewHousehold;
import cn.dibao.household.NotCountedReason;
import cn.dibao.household.AbleToSupport;
import cn.dibao.household.ObligorData;
import cn.dibao.household.ObligorRelation;
import cn.dibao.household.ObligorStatus;
import cn.dibao.household.PersonData;
import cn.dibao.household.Relation;
import cn.dibao.household.StudentLevel;
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

import java.time.LocalDate;
import java.util.Set;

/**
 * 一户一档 pages: search, create, the household file with its items, and edits. Reading needs
 * CASEWORKER, REVIEWER or AUDITOR; changing needs CASEWORKER (SecurityConfig).
 */
@Controller
@RequestMapping("/households")
class HouseholdController {

    static final String VIEW_SEARCH = "household/search";
    static final String VIEW_CREATE = "household/create";
    static final String VIEW_FILE = "household/file";
    static final String VIEW_EDIT = "household/edit";
    static final String PAGE_SIZE = "20";

    private final HouseholdService households;
    private final NestedFormRebinder rebinder;

    HouseholdController(HouseholdService households, NestedFormRebinder rebinder) {
        this.households = households;
        this.rebinder = rebinder;
    }

    @ModelAttribute
    void options(Model model) {
        model.addAttribute("hukouTypes", HukouType.values());
        model.addAttribute("allTags", HouseholdTag.values());
        model.addAttribute("statuses", HouseholdStatus.values());
        model.addAttribute("idTypes", IdType.values());
        model.addAttribute("relations", Relation.values());
        model.addAttribute("notCountedReasons", NotCountedReason.values());
        model.addAttribute("labourAbilities", LabourAbility.values());
        model.addAttribute("employments", Employment.values());
        model.addAttribute("studentLevels", StudentLevel.values());
        model.addAttribute("childStatuses", cn.dibao.household.ChildStatus.values());
        model.addAttribute("childProgrammes", cn.dibao.household.ChildProgramme.values());
        model.addAttribute("incomeCategories", IncomeCategory.values());
        model.addAttribute("exclusionReasons", ExclusionReason.values());
        model.addAttribute("deductionTypes", DeductionType.values());
        model.addAttribute("assetTypes", AssetType.values());
        model.addAttribute("expenseTypes", ExpenseType.values());
        model.addAttribute("obligorRelations", ObligorRelation.values());
        model.addAttribute("ableToSupport", AbleToSupport.values());
        model.addAttribute("obligorStatuses", cn.dibao.household.ObligorStatus.values());
    }

    @GetMapping
    String search(@RequestParam(required = false) String name, @RequestParam(required = false) String idNumber,
                  @RequestParam(required = false) String areaCode, @RequestParam(required = false) HouseholdStatus status,
                  @RequestParam(required = false) HouseholdTag tag, @RequestParam(defaultValue = "0") int page,
                  Model model) {
        HouseholdQuery query = new HouseholdQuery(name, idNumber, areaCode, status, tag);
        model.addAttribute("query", query);
        model.addAttribute("results", households.search(query, page, Integer.parseInt(PAGE_SIZE)));
        model.addAttribute("villages", households.villagesInScope());
        return VIEW_SEARCH;
    }

    @GetMapping("/new")
    String initCreateForm(Model model) {
        model.addAttribute("form", new NewHousehold(new HouseholdData(null, null, HukouType.URBAN, null, null, Set.of()),
                PersonData.of(null, IdType.RESIDENT_ID, null)));
        model.addAttribute("villages", households.villagesInScope());
        return VIEW_CREATE;
    }

    @PostMapping("/new")
    String processCreateForm(@Valid @ModelAttribute("form") NewHousehold form, BindingResult result, Model model,
                             RedirectAttributes redirect, HttpServletRequest request) {
        if (!result.hasErrors()) {
            try {
                long id = households.create(form);
                redirect.addFlashAttribute("message", "household.created");
                redirect.addFlashAttribute("messageArg", id);
                return "redirect:/households/" + id;
            } catch (DomainException e) {
                e.rejectOn(result);
            }
        }
        rebinder.keepTypedValues(request, "form", NewHousehold.class, result, model);
        model.addAttribute("villages", households.villagesInScope());
        return VIEW_CREATE;
    }

    @GetMapping("/{id}")
    String file(@PathVariable long id, Model model) {
        return fileView(id, model);
    }

    @GetMapping("/{id}/edit")
    String initEditForm(@PathVariable long id, Model model) {
        HouseholdFile file = households.file(id);
        model.addAttribute("file", file);
        model.addAttribute("form", households.householdData(id));
        model.addAttribute("version", file.version());
        model.addAttribute("villages", households.villagesInScope());
        return VIEW_EDIT;
    }

    @PostMapping("/{id}/edit")
    String processEditForm(@PathVariable long id, @Valid @ModelAttribute("form") HouseholdData form,
                           BindingResult result, @RequestParam long version, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                households.update(id, form, version);
                redirect.addFlashAttribute("message", "household.updated");
                redirect.addFlashAttribute("messageArg", id);
                return "redirect:/households/" + id;
            } catch (DomainException e) {
                e.rejectOn(result);
            }
        }
        model.addAttribute("file", households.file(id));
        model.addAttribute("version", version);
        model.addAttribute("villages", households.villagesInScope());
        return VIEW_EDIT;
    }

    @PostMapping("/{id}/close")
    String close(@PathVariable long id, @RequestParam(required = false) String reason, @RequestParam long version,
                 RedirectAttributes redirect) {
        try {
            households.close(id, reason, version);
            redirect.addFlashAttribute("message", "household.closed.done");
            redirect.addFlashAttribute("messageArg", id);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        return "redirect:/households/" + id;
    }

    /** Shows one full ID number on the file page, once; the reveal is audited by the service. */
    @PostMapping("/{id}/persons/{personId}/reveal")
    String reveal(@PathVariable long id, @PathVariable long personId, RedirectAttributes redirect) {
        redirect.addFlashAttribute("revealedPersonId", personId);
        redirect.addFlashAttribute("revealedIdNumber", households.revealIdNumber(id, personId));
        return "redirect:/households/" + id + "#member-" + personId;
    }

    // ---- items: each section of the file page has its own add form ----

    @PostMapping("/{id}/incomes")
    String addIncome(@PathVariable long id, @Valid @ModelAttribute("incomeForm") IncomeData form, BindingResult result,
                     Model model, RedirectAttributes redirect) {
        return addItem(id, result, model, redirect, "income", () -> households.addIncome(id, form));
    }

    @PostMapping("/{id}/deductions")
    String addDeduction(@PathVariable long id, @Valid @ModelAttribute("deductionForm") DeductionData form,
                        BindingResult result, Model model, RedirectAttributes redirect) {
        return addItem(id, result, model, redirect, "deduction", () -> households.addDeduction(id, form));
    }

    @PostMapping("/{id}/assets")
    String addAsset(@PathVariable long id, @Valid @ModelAttribute("assetForm") AssetData form, BindingResult result,
                    Model model, RedirectAttributes redirect) {
        return addItem(id, result, model, redirect, "asset", () -> households.addAsset(id, form));
    }

    @PostMapping("/{id}/expenses")
    String addExpense(@PathVariable long id, @Valid @ModelAttribute("expenseForm") ExpenseData form,
                      BindingResult result, Model model, RedirectAttributes redirect) {
        return addItem(id, result, model, redirect, "expense", () -> households.addExpense(id, form));
    }

    @PostMapping("/{id}/obligors")
    String addObligor(@PathVariable long id, @Valid @ModelAttribute("obligorForm") ObligorData form,
                      BindingResult result, Model model, RedirectAttributes redirect) {
        return addItem(id, result, model, redirect, "obligor", () -> households.addObligor(id, form));
    }

    @GetMapping("/{id}/obligors/{obligorId}/edit")
    String initObligorForm(@PathVariable long id, @PathVariable long obligorId, Model model) {
        HouseholdFile file = households.file(id);
        HouseholdFile.ObligorView o = obligorOf(file, obligorId);
        model.addAttribute("obligorForm", new ObligorData(o.name(), o.idType(), o.idNumberMasked(), o.relation(),
                o.supportedPersonId(), o.address(), o.ableToSupport(), o.monthlySupport(), o.note(), o.birthDate(),
                o.monthlyIncome(), o.disabilityCategory() == null ? null : o.disabilityCategory().intValue(),
                o.disabilityGrade() == null ? null : o.disabilityGrade().intValue(), o.status(),
                o.propertyWithinLimits(), o.overrideReason()));
        model.addAttribute("version", o.version());
        return obligorView(file, o, model);
    }

    @PostMapping("/{id}/obligors/{obligorId}/edit")
    String processObligorForm(@PathVariable long id, @PathVariable long obligorId,
                              @Valid @ModelAttribute("obligorForm") ObligorData form, BindingResult result,
                              @RequestParam long version, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                households.updateObligor(id, obligorId, form, version);
                redirect.addFlashAttribute("message", "obligor.updated");
                return "redirect:/households/" + id + "#obligors";
            } catch (DomainException e) {
                e.rejectOn(result);
            }
        }
        HouseholdFile file = households.file(id);
        model.addAttribute("version", version);
        return obligorView(file, obligorOf(file, obligorId), model);
    }

    private static HouseholdFile.ObligorView obligorOf(HouseholdFile file, long obligorId) {
        return file.obligors().stream().filter(o -> o.id() == obligorId).findFirst()
                .orElseThrow(() -> new cn.dibao.common.error.NotFoundException("obligor", obligorId));
    }

    private static String obligorView(HouseholdFile file, HouseholdFile.ObligorView o, Model model) {
        model.addAttribute("file", file);
        model.addAttribute("obligorId", o.id());
        model.addAttribute("obligorName", o.name());
        return "household/obligor-edit";
    }

    @PostMapping("/{id}/{kind}/{itemId}/remove")
    String removeItem(@PathVariable long id, @PathVariable String kind, @PathVariable long itemId,
                      RedirectAttributes redirect) {
        HouseholdService.ItemKind k = HouseholdService.ItemKind.fromPath(kind);
        households.removeItem(id, k, itemId);
        redirect.addFlashAttribute("message", "household.item.removed");
        return "redirect:/households/" + id;
    }

    private String addItem(long id, BindingResult result, Model model, RedirectAttributes redirect, String section,
                           Runnable action) {
        if (!result.hasErrors()) {
            try {
                action.run();
                redirect.addFlashAttribute("message", "household.item.added");
                return "redirect:/households/" + id + "#" + section + "s";
            } catch (DomainException e) {
                e.rejectOn(result);
            }
        }
        model.addAttribute("openForm", section);
        return fileView(id, model);
    }

    private String fileView(long id, Model model) {
        HouseholdFile file = households.file(id);
        model.addAttribute("file", file);
        model.addAttribute("mayReveal", households.mayReveal());
        LocalDate firstOfMonth = LocalDate.now().withDayOfMonth(1);
        model.addAttribute("today", LocalDate.now());
        if (!model.containsAttribute("incomeForm")) {
            model.addAttribute("incomeForm", new IncomeData(null, IncomeCategory.WAGE, null, null, firstOfMonth, null, null));
        }
        if (!model.containsAttribute("deductionForm")) {
            model.addAttribute("deductionForm", new DeductionData(null, DeductionType.MEDICAL, null, null, firstOfMonth, null));
        }
        if (!model.containsAttribute("assetForm")) {
            model.addAttribute("assetForm", new AssetData(null, AssetType.DEPOSIT, null, null, 1, null, null, firstOfMonth, null));
        }
        if (!model.containsAttribute("expenseForm")) {
            model.addAttribute("expenseForm", new ExpenseData(null, ExpenseType.MEDICAL, null, null, LocalDate.now()));
        }
        if (!model.containsAttribute("obligorForm")) {
            model.addAttribute("obligorForm", new ObligorData(null, IdType.RESIDENT_ID, null, ObligorRelation.SUPPORT_PARENT,
                    null, null, AbleToSupport.UNKNOWN, null, null, null, null, null, null, ObligorStatus.NONE, null,
                    null));
        }
        return VIEW_FILE;
    }
}
