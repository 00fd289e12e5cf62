package org.onewindow.core.demo;

import java.time.LocalDate;
import java.util.List;
import org.onewindow.core.identity.IdCard;
import org.onewindow.core.identity.IdCardType;
import org.onewindow.core.identity.Sex;

/**
 * The demo data set shared by the sandbox back-end (its population registry) and the simulated devices
 * (the cards they hold), so that the demo and the tests serve people the back-end knows. All invented.
 */
public final class DemoCitizens {
    private DemoCitizens() {
    }

    /** 张伟, resident ID card, Jinan. The default card of the simulated reader. */
    public static final IdCard ZHANG_WEI = new IdCard(IdCardType.RESIDENT, "张伟", null, Sex.MALE, "01",
            LocalDate.of(1990, 3, 7), "山东省济南市历下区泉城路180号", "370102199003071238", "济南市公安局历下分局",
            LocalDate.of(2016, 5, 12), LocalDate.of(2036, 5, 12), false, null, null, null, null, null);

    /** 李娜, resident ID card, Qingdao, long-term validity. */
    public static final IdCard LI_NA = new IdCard(IdCardType.RESIDENT, "李娜", null, Sex.FEMALE, "01",
            LocalDate.of(1985, 6, 12), "山东省青岛市市南区香港中路61号", "370203198506122049", "青岛市公安局市南分局",
            LocalDate.of(2011, 8, 1), null, true, null, null, null, null, null);

    /** 马秀兰, resident ID card, Hui nationality. Expired: tests the validity check. */
    public static final IdCard MA_XIULAN = new IdCard(IdCardType.RESIDENT, "马秀兰", null, Sex.FEMALE, "03",
            LocalDate.of(1978, 1, 1), "山东省济南市槐荫区经七路", "370104197801015672", "济南市公安局槐荫分局",
            LocalDate.of(2004, 2, 1), LocalDate.of(2024, 2, 1), false, null, null, null, null, null);

    /** Anna Schmidt, 2023 foreign permanent resident ID card. */
    public static final IdCard ANNA_SCHMIDT = new IdCard(IdCardType.FOREIGN_PERMANENT_2023, "施密特安娜",
            "SCHMIDT, ANNA", Sex.FEMALE, null, LocalDate.of(1985, 6, 15), null, "937156198506150013",
            "国家移民管理局", LocalDate.of(2023, 12, 1), LocalDate.of(2033, 12, 1), false, "DEU", null, 1, null, null);

    /** 陈家明, residence permit for Hong Kong residents. */
    public static final IdCard CHAN_KA_MING = new IdCard(IdCardType.HMT_RESIDENCE_PERMIT, "陈家明", null, Sex.MALE,
            null, LocalDate.of(1992, 8, 8), "山东省济南市历下区解放路", "810000199208080030", "济南市公安局历下分局",
            LocalDate.of(2021, 3, 3), LocalDate.of(2026, 12, 31), false, null, "H12345678", 1, null, null);

    /** John Smith, 2017 foreign permanent resident ID card (15-character number, no GB 11643 check digit). */
    public static final IdCard JOHN_SMITH_2017 = new IdCard(IdCardType.FOREIGN_PERMANENT_2017, "史密斯约翰",
            "SMITH, JOHN", Sex.MALE, null, LocalDate.of(1975, 4, 2), null, "USA370075040201", "1500",
            LocalDate.of(2018, 1, 15), LocalDate.of(2028, 1, 15), false, "USA", null, null, null, null);

    /** Everyone the sandbox registry knows: one card of every type. */
    public static List<IdCard> all() {
        return List.of(ZHANG_WEI, LI_NA, MA_XIULAN, ANNA_SCHMIDT, CHAN_KA_MING, JOHN_SMITH_2017);
    }
}
