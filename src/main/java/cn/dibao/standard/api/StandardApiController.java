package cn.dibao.standard.api;

import cn.dibao.area.AreaService;
import cn.dibao.common.error.NotFoundException;
import cn.dibao.household.HukouType;
import cn.dibao.standard.StandardService;
import cn.dibao.standard.StandardVersion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;

/** The local standard in force, for other systems and the engine's callers. */
@RestController
@RequestMapping("/api/v1/standards")
@Tag(name = "standards", description = "地方标准: effective-dated local parameters of 低保, 特困 and 临时救助")
@PreAuthorize("isAuthenticated()")
class StandardApiController {

    private final StandardService standards;
    private final AreaService areas;

    StandardApiController(StandardService standards, AreaService areas) {
        this.standards = standards;
        this.areas = areas;
    }

    @GetMapping("/in-force")
    @Operation(summary = "The standard version that applies to an area (village, township or county in the "
            + "caller's scope) and hukou type in a month (default: this month); 404 when none")
    StandardVersion inForce(@RequestParam String areaCode, @RequestParam HukouType hukouType,
                            @RequestParam(required = false) YearMonth month) {
        areas.get(areaCode); // 404 outside the caller's scope
        YearMonth m = month == null ? standards.currentMonth() : month;
        return standards.inForce(areaCode, hukouType, m)
                .orElseThrow(() -> new NotFoundException("standard in force", areaCode + " " + m));
    }
}
