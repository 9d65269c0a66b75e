package cn.dibao.application.web;

import cn.dibao.application.ApplicationQueries;
import cn.dibao.application.ApplicationQuery;
import cn.dibao.application.ApplicationState;
import cn.dibao.application.AssistanceType;
import cn.dibao.household.HouseholdService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Worklists: "my tasks" (what waits for my role), "my cases", or all cases of my area, filtered
 * by area, type, state and deadline; the earliest due step first.
 */
@Controller
class ApplicationListController {

    static final int PAGE_SIZE = 50;

    private final ApplicationQueries queries;
    private final HouseholdService households;

    ApplicationListController(ApplicationQueries queries, HouseholdService households) {
        this.queries = queries;
        this.households = households;
    }

    enum View { TASKS, MINE, ALL }

    @GetMapping("/applications")
    String list(@RequestParam(defaultValue = "TASKS") View view,
                @RequestParam(required = false) ApplicationState state,
                @RequestParam(required = false) AssistanceType assistanceType,
                @RequestParam(required = false) String areaCode,
                @RequestParam(required = false) ApplicationQuery.Due due,
                @RequestParam(defaultValue = "0") int page, Model model) {
        ApplicationQuery query = new ApplicationQuery(state, assistanceType, areaCode == null || areaCode.isBlank()
                ? null : areaCode, due, view == View.MINE, view == View.TASKS);
        model.addAttribute("view", view);
        model.addAttribute("query", query);
        model.addAttribute("results", queries.search(query, Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("overdue", queries.count(query.withDue(ApplicationQuery.Due.OVERDUE)));
        model.addAttribute("dueSoon", queries.count(query.withDue(ApplicationQuery.Due.DUE_SOON)));
        model.addAttribute("views", View.values());
        model.addAttribute("states", ApplicationState.values());
        model.addAttribute("types", AssistanceType.values());
        model.addAttribute("villages", households.villagesInScope());
        return "application/list";
    }
}
