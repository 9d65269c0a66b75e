package cn.dibao.area.api;

import cn.dibao.area.AreaService;
import cn.dibao.area.AreaView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Read-only area tree for other systems, limited to the caller's scope. */
@RestController
@RequestMapping("/api/v1/areas")
class AreaApiController {

    private final AreaService areas;

    AreaApiController(AreaService areas) {
        this.areas = areas;
    }

    @GetMapping
    List<AreaView> list() {
        return areas.listInScope();
    }

    @GetMapping("/{code}")
    AreaView get(@PathVariable String code) {
        return areas.get(code);
    }
}
