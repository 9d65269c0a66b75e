package cn.dibao.household.web;

import cn.dibao.common.identity.IdType;
import cn.dibao.common.error.DomainException;
import cn.dibao.common.web.NestedFormRebinder;
import cn.dibao.household.Employment;
import cn.dibao.household.HouseholdFile;
import cn.dibao.household.HouseholdService;
import cn.dibao.household.LabourAbility;
import cn.dibao.household.MemberData;
import cn.dibao.household.NewMember;
import cn.dibao.household.NotCountedReason;
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

/** Members of a household: add, edit the person, change the membership, leave, move, make head. */
@Controller
@RequestMapping("/households/{id}")
class MemberController {

    static final String VIEW_ADD = "household/member-add";
    static final String VIEW_PERSON = "household/person-edit";
    static final String VIEW_MEMBERSHIP = "household/member-edit";

    private final HouseholdService households;
    private final NestedFormRebinder rebinder;

    MemberController(HouseholdService households, NestedFormRebinder rebinder) {
        this.households = households;
        this.rebinder = rebinder;
    }

    @ModelAttribute
    void options(@PathVariable long id, Model model) {
        model.addAttribute("idTypes", IdType.values());
        model.addAttribute("relations", Relation.values());
        model.addAttribute("notCountedReasons", NotCountedReason.values());
        model.addAttribute("labourAbilities", LabourAbility.values());
        model.addAttribute("employments", Employment.values());
        model.addAttribute("studentLevels", StudentLevel.values());
        model.addAttribute("childStatuses", cn.dibao.household.ChildStatus.values());
        model.addAttribute("childProgrammes", cn.dibao.household.ChildProgramme.values());
        model.addAttribute("householdId", id);
    }

    @GetMapping("/members/new")
    String initAddForm(@PathVariable long id, Model model) {
        model.addAttribute("file", households.file(id));
        model.addAttribute("form", new NewMember(new MemberData(Relation.CHILD, true, null, LocalDate.now()),
                PersonData.of(null, IdType.RESIDENT_ID, null)));
        return VIEW_ADD;
    }

    @PostMapping("/members/new")
    String processAddForm(@PathVariable long id, @Valid @ModelAttribute("form") NewMember form, BindingResult result,
                          Model model, RedirectAttributes redirect, HttpServletRequest request) {
        if (!result.hasErrors()) {
            try {
                households.addMember(id, form);
                redirect.addFlashAttribute("message", "member.added");
                redirect.addFlashAttribute("messageArg", form.person().name());
                return "redirect:/households/" + id;
            } catch (DomainException e) {
                e.rejectOn(result);
            }
        }
        rebinder.keepTypedValues(request, "form", NewMember.class, result, model);
        model.addAttribute("file", households.file(id));
        return VIEW_ADD;
    }

    @GetMapping("/persons/{personId}/edit")
    String initPersonForm(@PathVariable long id, @PathVariable long personId, Model model) {
        model.addAttribute("form", households.personData(id, personId));
        model.addAttribute("version", households.personVersion(id, personId));
        model.addAttribute("personId", personId);
        return VIEW_PERSON;
    }

    @PostMapping("/persons/{personId}/edit")
    String processPersonForm(@PathVariable long id, @PathVariable long personId,
                             @Valid @ModelAttribute("form") PersonData form, BindingResult result,
                             @RequestParam long version, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                households.updatePerson(id, personId, form, version);
                redirect.addFlashAttribute("message", "person.updated");
                redirect.addFlashAttribute("messageArg", form.name());
                return "redirect:/households/" + id;
            } catch (DomainException e) {
                e.rejectOn(result);
            }
        }
        model.addAttribute("version", version);
        model.addAttribute("personId", personId);
        return VIEW_PERSON;
    }

    @GetMapping("/members/{memberId}/edit")
    String initMembershipForm(@PathVariable long id, @PathVariable long memberId, Model model) {
        HouseholdFile file = households.file(id);
        HouseholdFile.Member m = file.members().stream().filter(x -> x.memberId() == memberId).findFirst()
                .orElseThrow(() -> new cn.dibao.common.error.NotFoundException("member", memberId));
        model.addAttribute("file", file);
        model.addAttribute("member", m);
        model.addAttribute("form", new MemberData(m.relation(), m.counted(), m.notCountedReason(), m.joinedOn(),
                m.countOverrideReason()));
        model.addAttribute("version", m.memberVersion());
        return VIEW_MEMBERSHIP;
    }

    @PostMapping("/members/{memberId}/edit")
    String processMembershipForm(@PathVariable long id, @PathVariable long memberId,
                                 @Valid @ModelAttribute("form") MemberData form, BindingResult result,
                                 @RequestParam long version, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                households.updateMembership(id, memberId, form, version);
                redirect.addFlashAttribute("message", "member.updated");
                return "redirect:/households/" + id;
            } catch (DomainException e) {
                e.rejectOn(result);
            }
        }
        HouseholdFile file = households.file(id);
        model.addAttribute("file", file);
        model.addAttribute("member", file.members().stream().filter(x -> x.memberId() == memberId).findFirst()
                .orElseThrow(() -> new cn.dibao.common.error.NotFoundException("member", memberId)));
        model.addAttribute("version", version);
        return VIEW_MEMBERSHIP;
    }

    @PostMapping("/members/{memberId}/head")
    String makeHead(@PathVariable long id, @PathVariable long memberId, RedirectAttributes redirect) {
        households.makeHead(id, memberId);
        redirect.addFlashAttribute("message", "member.headChanged");
        return "redirect:/households/" + id;
    }

    @PostMapping("/members/{memberId}/leave")
    String leave(@PathVariable long id, @PathVariable long memberId,
                 @RequestParam(required = false) LocalDate leftOn, @RequestParam(required = false) String reason,
                 RedirectAttributes redirect) {
        try {
            households.endMembership(id, memberId, leftOn, reason);
            redirect.addFlashAttribute("message", "member.left");
            return "redirect:/households/" + id;
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            return "redirect:/households/" + id + "/members/" + memberId + "/edit";
        }
    }

    @PostMapping("/members/{memberId}/move")
    String move(@PathVariable long id, @PathVariable long memberId, @RequestParam(required = false) String targetHouseholdId,
                @RequestParam(required = false) Relation relation, RedirectAttributes redirect) {
        try {
            // typed by hand: the number as pages show it ("#123"), or a typo
            String digits = targetHouseholdId == null ? "" : targetHouseholdId.strip().replaceFirst("^#", "");
            if (!digits.matches("[0-9]{1,18}")) {
                throw new DomainException("targetHouseholdId", "member.move.targetUnknown");
            }
            long target = Long.parseLong(digits);
            households.moveMember(id, memberId, target, relation);
            redirect.addFlashAttribute("message", "member.moved");
            return "redirect:/households/" + target;
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            return "redirect:/households/" + id + "/members/" + memberId + "/edit";
        }
    }
}
