package cn.dibao.demo;

import java.util.List;

/**
 * The demo district: 青岛市黄岛区 (西海岸新区, GB/T 2260 code 370211, the district of the
 * first seed report). Its township and village names come from or imitate the seeds; their
 * 9- and 12-digit codes are illustrative, not the official statistical codes.
 */
final class DemoAreas {

    static final String COUNTY = "370211000000";
    static final String COUNTY_NAME = "黄岛区（西海岸新区）";

    record Township(String code, String name, List<Village> villages) {
    }

    record Village(String code, String name, boolean urban) {
    }

    static final List<Township> TOWNSHIPS = List.of(
            new Township("370211001000", "隐珠街道", List.of(
                    new Village("370211001001", "滨海新村社区", true),
                    new Village("370211001002", "隐珠社区", true),
                    new Village("370211001003", "海韵社区", true),
                    new Village("370211001201", "东楼村", false),
                    new Village("370211001202", "西楼村", false))),
            new Township("370211002000", "珠海街道", List.of(
                    new Village("370211002001", "珠海社区", true),
                    new Village("370211002002", "阳光社区", true),
                    new Village("370211002201", "石岭子村", false),
                    new Village("370211002202", "南庄村", false))),
            new Township("370211101000", "张家楼镇", List.of(
                    new Village("370211101001", "张家楼社区", true),
                    new Village("370211101201", "北屯村", false),
                    new Village("370211101202", "河西村", false),
                    new Village("370211101203", "大胡家村", false))),
            new Township("370211102000", "藏南镇", List.of(
                    new Village("370211102001", "藏南社区", true),
                    new Village("370211102201", "东韩家村", false),
                    new Village("370211102202", "西南庄村", false),
                    new Village("370211102203", "黄家屯村", false))),
            new Township("370211103000", "大场镇", List.of(
                    new Village("370211103001", "大场社区", true),
                    new Village("370211103201", "上小庄村", false),
                    new Village("370211103202", "北沟村", false))));

    static List<Village> villages() {
        return TOWNSHIPS.stream().flatMap(t -> t.villages().stream()).toList();
    }

    private DemoAreas() {
    }
}
