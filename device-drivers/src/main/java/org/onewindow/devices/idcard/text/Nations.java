package org.onewindow.devices.idcard.text;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** GB/T 3304 nationality codes as stored on resident ID cards: 01-56, 97 (other), 98 (foreign origin). */
public final class Nations {
    private static final String[] NAMES = {
        "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜",
        "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳",
        "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土",
        "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米",
        "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔",
        "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺"};
    private static final Map<String, String> BY_CODE = new TreeMap<>();

    static {
        for (int i = 0; i < NAMES.length; i++) {
            BY_CODE.put(String.format("%02d", i + 1), NAMES[i]);
        }
        BY_CODE.put("97", "其他");
        BY_CODE.put("98", "外国血统中国籍人士");
    }

    private Nations() {
    }

    /** The nation's name ("汉"), empty for an unknown code. */
    public static Optional<String> name(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code.trim()));
    }

    public static boolean isKnown(String code) {
        return name(code).isPresent();
    }

    /** All codes and names in code order. */
    public static Map<String, String> all() {
        return java.util.Collections.unmodifiableMap(BY_CODE);
    }
}
