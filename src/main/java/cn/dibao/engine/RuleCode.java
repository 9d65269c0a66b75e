package cn.dibao.engine;

/** Every rule the engine applies, with the zh-CN sentence that explains it to an applicant. */
public enum RuleCode {
    HAS_MEMBERS {
        String render(RuleOutcome r) {
            return "共同生活家庭成员 " + r.actual() + " 人" + (r.passed() ? "" : "：没有可计入的家庭成员");
        }
    },
    MONEY_ASSETS {
        String render(RuleOutcome r) {
            return "存款、证券、商业保险等货币财产合计 " + Money.yuan(r.actual()) + " 元，" + cmp(r, "≤", ">")
                    + " 限额 " + Money.yuan(r.threshold()) + " 元（" + hundredths(r.p1()) + " 倍年低保标准 × " + r.p2()
                    + " 人）";
        }
    },
    VEHICLES {
        String render(RuleOutcome r) {
            return "非豁免车辆 " + r.actual() + " 辆，" + cmp(r, "≤", ">") + " 允许 " + r.threshold() + " 辆";
        }
    },
    VEHICLE_VALUE {
        String render(RuleOutcome r) {
            return "非豁免车辆价值 " + Money.yuan(r.actual()) + " 元，" + cmp(r, "≤", ">") + " 限额 "
                    + Money.yuan(r.threshold()) + " 元";
        }
    },
    HOMES {
        String render(RuleOutcome r) {
            return "非豁免房产 " + r.actual() + " 套，" + cmp(r, "≤", ">") + " 允许 " + r.threshold() + " 套";
        }
    },
    FLOOR_AREA {
        String render(RuleOutcome r) {
            return "人均住房面积 " + hundredths(r.actual()) + " 平方米，" + cmp(r, "≤", ">") + " 限额 "
                    + hundredths(r.threshold()) + " 平方米";
        }
    },
    BUSINESS_CAPITAL {
        String render(RuleOutcome r) {
            return "注册资本 " + Money.yuan(r.actual()) + " 元，" + cmp(r, "≤", ">") + " 限额 "
                    + Money.yuan(r.threshold()) + " 元";
        }
    },
    /** Other property (OTHER assets) against a local limit (ADR 0019). */
    OTHER_ASSETS {
        String render(RuleOutcome r) {
            return "其他财产合计 " + Money.yuan(r.actual()) + " 元，" + cmp(r, "≤", ">") + " 限额 "
                    + Money.yuan(r.threshold()) + " 元";
        }
    },
    /** Homes bought within the local number of years (p1) before the month: none allowed (ADR 0019). */
    RECENT_HOME {
        String render(RuleOutcome r) {
            return "近 " + r.p1() + " 年内购置的非豁免房产 " + r.actual() + " 套" + (r.passed() ? "" : "，当地规定近 "
                    + r.p1() + " 年内购房的不予认定");
        }
    },
    /** Non-residential property (商铺、厂房…) against the number a locality allows (ADR 0019). */
    NON_RESIDENTIAL {
        String render(RuleOutcome r) {
            return "非居住类房产 " + r.actual() + " 套，" + cmp(r, "≤", ">") + " 允许 " + r.threshold() + " 套";
        }
    },
    /** The property summary; with {@code detail} the programme whose own limits were applied. */
    PROPERTY {
        String render(RuleOutcome r) {
            if (r.detail() != null) {
                return r.passed() ? "家庭财产符合" + r.detail() + "的财产限额" : "家庭财产超过" + r.detail() + "的财产限额";
            }
            return r.passed() ? "家庭财产符合当地规定" : "家庭财产超过当地规定（见财产核算）";
        }
    },
    DIBAO_INCOME {
        String render(RuleOutcome r) {
            return "家庭月收入 " + Money.yuan(r.actual()) + " 元，" + cmp(r, "<", "≥") + " 低保标准 × 共同生活人数 = "
                    + Money.yuan(r.threshold()) + " 元" + (r.p2() == 0 ? "" : "（人均 " + Money.yuan(r.actual() / r.p2())
                    + " 元，标准 " + Money.yuan(r.p1()) + " 元）");
        }
    },
    SINGLE_GROUP {
        String render(RuleOutcome r) {
            return r.subject() + (r.passed() ? " 属于可单独申请的人员（" + r.detail() + "）"
                    : " 不属于当地规定可单独申请的重度残疾或重病人员");
        }
    },
    /** 单人保 alone (ADR 0018): the person is an adult by the local age. */
    SINGLE_ADULT {
        String render(RuleOutcome r) {
            return r.subject() + " " + r.actual() + " 周岁，" + (r.passed() ? "已成年" : "未满 " + r.threshold()
                    + " 周岁，不能单独申请");
        }
    },
    /** 单人保 alone: the person has no employment (detail: the recorded 就业状况 code). */
    SINGLE_NO_EMPLOYMENT {
        String render(RuleOutcome r) {
            String status = switch (r.detail()) {
                case "EMPLOYED" -> "就业";
                case "FLEXIBLE" -> "灵活就业";
                case "UNEMPLOYED" -> "无业";
                case "FARMING" -> "务农";
                case "RETIRED" -> "退休";
                case "NOT_WORKING_AGE" -> "非劳动年龄";
                default -> "就业状况未登记";
            };
            return r.subject() + " " + status + (r.passed() ? "，属于无业人员" : "，不属于无业人员");
        }
    },
    /** 单人保 alone: the person's own monthly income against the standard (a household of one). */
    SINGLE_OWN_INCOME {
        String render(RuleOutcome r) {
            return r.subject() + " 本人月收入 " + Money.yuan(r.actual()) + " 元，" + cmp(r, "<", "≥") + " 低保标准 "
                    + Money.yuan(r.threshold()) + " 元";
        }
    },
    /** 单人保 alone: the person's own property within the 单人保 limits (the lines before say which). */
    SINGLE_OWN_PROPERTY {
        String render(RuleOutcome r) {
            return r.subject() + (r.passed() ? " 本人名下财产符合单人保财产限额" : " 本人名下财产超过单人保财产限额");
        }
    },
    SINGLE_EDGE_BAND {
        String render(RuleOutcome r) {
            return "家庭月收入 " + Money.yuan(r.actual()) + " 元" + (r.passed() ? "在" : "不在")
                    + "低保边缘区间（低保标准至 " + Money.yuan(r.threshold()) + " 元）内，单人保须为边缘家庭成员";
        }
    },
    NOT_HIGHER_PROGRAMME {
        String render(RuleOutcome r) {
            return r.passed() ? "不符合" + r.detail() + "条件（按顺序认定）" : "已符合" + r.detail() + "，不再认定本项";
        }
    },
    EDGE_FLOOR {
        String render(RuleOutcome r) {
            return "家庭月收入 " + Money.yuan(r.actual()) + " 元，" + cmp(r, "≥", "<") + " 低保标准 × 共同生活人数 = "
                    + Money.yuan(r.threshold()) + " 元";
        }
    },
    EDGE_CEILING {
        String render(RuleOutcome r) {
            return "家庭月收入 " + Money.yuan(r.actual()) + " 元，" + cmp(r, "<", "≥") + " 边缘上限 "
                    + Money.yuan(r.threshold()) + " 元（" + hundredths(r.p1()) + " 倍低保标准 × " + r.p2() + " 人）";
        }
    },
    RIGID_INCOME {
        String render(RuleOutcome r) {
            return "家庭年人均收入 " + Money.yuan(r.actual()) + " 元，" + cmp(r, "<", "≥") + " 上年当地居民人均可支配收入 "
                    + Money.yuan(r.threshold()) + " 元";
        }
    },
    RIGID_RATIO {
        String render(RuleOutcome r) {
            return "近 12 个月刚性支出占家庭收入 " + pct(r.actual()) + "，" + cmp(r, ">", "≤") + " 当地比例 "
                    + pct(r.threshold());
        }
    },
    TEKUN_NO_LABOUR {
        String render(RuleOutcome r) {
            String why = switch ((int) r.p1()) {
                case 1 -> "年满 60 周岁";
                case 2 -> "未满 " + r.threshold() + " 周岁";
                case 3 -> "年满 " + r.threshold() + " 周岁后仍在义务教育、普通高中或中职就读";
                case 4 -> "残疾类别 " + r.p2() / 10 + "、等级 " + r.p2() % 10 + " 级";
                default -> r.actual() + " 周岁，无符合条件的残疾";
            };
            return r.subject() + (r.passed() ? " 无劳动能力（" + why + "）" : " 不属于无劳动能力人员（" + why + "）");
        }
    },
    TEKUN_NO_MEANS {
        String render(RuleOutcome r) {
            return r.subject() + " 本人月收入 " + Money.yuan(r.actual()) + " 元，" + cmp(r, "<", "≥") + " 低保标准 "
                    + Money.yuan(r.threshold()) + " 元" + (r.detail() == null ? "" : "；" + r.detail());
        }
    },
    TEKUN_NO_OBLIGOR {
        String render(RuleOutcome r) {
            return r.subject() + (r.passed() ? " 无法定赡养、抚养、扶养义务人，或义务人均无履行义务能力"
                    : r.p1() == 2 ? " 有具备履行能力的" + (r.detail() == null ? "户外义务人" : "义务人 " + r.detail())
                    : r.p1() == 3 ? " 的义务人 " + r.detail() + " 履行能力尚未核实（请登记其年龄、收入、残疾、状况，或认定并说明理由）"
                    : " 与有履行能力的义务人 " + r.detail() + " 共同生活");
        }
    },
    /** One obligor of a 特困 applicant as D3 第七条 assesses him: p1 the case (SupportDuty), p2 the finding. */
    TEKUN_OBLIGOR {
        String render(RuleOutcome r) {
            String who = "义务人 " + r.detail() + (r.actual() >= 0 ? "（" + r.actual() + " 岁）" : "");
            if (r.p2() == 2) {
                return who + "：履行能力尚未核实";
            }
            String why = switch ((int) r.p1()) {
                case 1 -> "为特困人员";
                case 2 -> "为 60 周岁以上低保对象";
                case 3 -> "70 周岁以上，本人收入低于上年度人均可支配收入，财产符合规定";
                case 4 -> "重度残疾（或三级智力、精神残疾），本人收入低于上年度人均可支配收入，财产符合规定";
                case 5 -> "无民事行为能力、宣告失踪或服刑，财产符合规定";
                case 6 -> "本人符合特困人员条件";
                case 7 -> "经办人认定";
                default -> "不属于第七条所列无履行能力情形";
            };
            return who + (r.passed() ? " 无履行义务能力：" : " 有履行义务能力：") + why;
        }
    },
    /** A 孤儿 / 事实无人抚养儿童 and the programme he chose (ADR 0017): p1 status, p2 choice, actual 1 if 特困. */
    TEKUN_CHILD_STATUS {
        String render(RuleOutcome r) {
            String who = r.subject() + (r.p1() == 1 ? " 为孤儿" : " 为事实无人抚养儿童");
            String chose = r.p2() == 1 ? "已选择特困人员救助供养" : r.p2() == 2 ? "已选择孤儿、事实无人抚养儿童基本生活保障" : "";
            if (r.actual() == 0) {
                return who + (chose.isEmpty() ? "" : "，" + chose) + "；不符合特困人员条件";
            }
            return who + "，同时符合特困人员条件，" + switch ((int) r.p2()) {
                case 1 -> chose + "：认定为特困人员";
                case 2 -> chose + "：不认定为特困人员";
                default -> "尚未登记其选择的保障：特困认定暂缓，请在人员信息中登记所选保障后重新核对";
            };
        }
    },
    TEMP_CAP {
        String render(RuleOutcome r) {
            return "临时救助一次最高 " + Money.yuan(r.threshold()) + " 元（" + hundredths(r.actual())
                    + " 倍月低保标准 × 人数）";
        }
    },
    /** 支出型临时救助 (§7.1): the three tests above it in the same programme all hold. */
    TEMP_EXPENDITURE {
        String render(RuleOutcome r) {
            return r.passed() ? "支出型临时救助：上列收入、刚性支出和财产条件均符合（急难型不查经济状况）"
                    : "支出型临时救助：上列收入、刚性支出或财产条件不符合，只可按急难型申请（急难型不查经济状况）";
        }
    },
    TEMP_TOWNSHIP {
        String render(RuleOutcome r) {
            return "乡镇（街道）可直接审批至 " + Money.yuan(r.threshold()) + " 元（" + hundredths(r.actual())
                    + " 倍月低保标准 × 人数），超过须报县级审批";
        }
    };

    abstract String render(RuleOutcome r);

    /** The asset rules, which name the owner when a person's own assets were tested (单人保 alone). */
    boolean asset() {
        return switch (this) {
            case MONEY_ASSETS, VEHICLES, VEHICLE_VALUE, HOMES, FLOOR_AREA, BUSINESS_CAPITAL, OTHER_ASSETS, RECENT_HOME,
                 NON_RESIDENTIAL -> true;
            default -> false;
        };
    }

    private static String cmp(RuleOutcome r, String ok, String fail) {
        return r.passed() ? ok : fail;
    }

    private static String hundredths(long v) {
        return java.math.BigDecimal.valueOf(v, 2).stripTrailingZeros().toPlainString();
    }

    private static String pct(long bp) {
        return java.math.BigDecimal.valueOf(bp, 2).stripTrailingZeros().toPlainString() + "%";
    }
}
