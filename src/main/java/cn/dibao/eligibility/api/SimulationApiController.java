package cn.dibao.eligibility.api;

import cn.dibao.eligibility.SimulationForm;
import cn.dibao.eligibility.StandardSimulator;
import cn.dibao.eligibility.StandardSimulator.Simulation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The standard simulator of the admin page, for administrators' tools: the same question, rules and answer. */
@RestController
@Tag(name = "standards")
class SimulationApiController {

    private final StandardSimulator simulator;

    SimulationApiController(StandardSimulator simulator) {
        this.simulator = simulator;
    }

    @PostMapping("/api/v1/standards/{areaCode}/simulations")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "If a county's 低保标准 became `newStandard` from `month`: who gains, who loses, who changes "
            + "category and what it costs per month (administrator; a county in the caller's scope; nothing is saved)",
            description = "The households of the county as registered for the month, under the standard in force "
                    + "then and under the new one; a township that has its own standard keeps it.")
    Simulation simulate(@PathVariable String areaCode, @Valid @RequestBody SimulationForm body) {
        return simulator.simulate(areaCode, body.month(), body.newStandard());
    }
}
