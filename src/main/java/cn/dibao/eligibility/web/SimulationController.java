package cn.dibao.eligibility.web;

import cn.dibao.area.AreaService;
import cn.dibao.common.error.DomainException;
import cn.dibao.eligibility.SimulationForm;
import cn.dibao.eligibility.StandardSimulator;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import java.time.Clock;
import java.time.YearMonth;

/** The standard simulator for administrators: "if the 低保标准 becomes X from month M". */
@Controller
class SimulationController {

    static final String VIEW = "eligibility/simulate";

    private final StandardSimulator simulator;
    private final AreaService areas;
    private final Clock clock;

    SimulationController(StandardSimulator simulator, AreaService areas, Clock clock) {
        this.simulator = simulator;
        this.areas = areas;
        this.clock = clock;
    }

    @GetMapping("/admin/standards/{areaCode}/simulate")
    String form(@PathVariable String areaCode, Model model) {
        model.addAttribute("area", areas.get(areaCode));
        model.addAttribute("form", new SimulationForm(null, YearMonth.now(clock).plusMonths(1)));
        return VIEW;
    }

    @PostMapping("/admin/standards/{areaCode}/simulate")
    String simulate(@PathVariable String areaCode, @Valid @ModelAttribute("form") SimulationForm form,
                    BindingResult result, Model model) {
        model.addAttribute("area", areas.get(areaCode));
        if (!result.hasErrors()) {
            try {
                model.addAttribute("simulation", simulator.simulate(areaCode, form.month(), form.newStandard()));
            } catch (DomainException e) {
                e.rejectOn(result);
            }
        }
        return VIEW;
    }
}
