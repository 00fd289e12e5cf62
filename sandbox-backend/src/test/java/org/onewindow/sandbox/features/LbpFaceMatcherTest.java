package org.onewindow.sandbox.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.core.demo.SyntheticFaces;
import org.onewindow.core.demo.SyntheticFaces.Scene;
import org.onewindow.core.demo.SyntheticFaces.Traits;
import org.onewindow.core.face.FaceBox;
import org.onewindow.core.identity.IdCard;

class LbpFaceMatcherTest {

    @Test
    void anImageIsPerfectlySimilarToItself() {
        BufferedImage photo = SyntheticFaces.idPhoto(Traits.of("x"));
        LbpFaceMatcher.Box box = box(SyntheticFaces.approximateIdPhotoFaceBox());
        assertThat(LbpFaceMatcher.similarity(photo, box, photo, box)).isEqualTo(1.0);
    }

    @Test
    void theSamePersonScoresHigherThanOthersOnAverage() {
        List<IdCard> people = DemoCitizens.all();
        double same = 0;
        double other = 0;
        int nSame = 0;
        int nOther = 0;
        LbpFaceMatcher.Box idBox = box(SyntheticFaces.approximateIdPhotoFaceBox());
        List<BufferedImage> photos = people.stream().map(p -> SyntheticFaces.idPhoto(Traits.of(p.idNumber()))).toList();
        for (int i = 0; i < people.size(); i++) {
            Scene scene = Scene.frontal(640, 480, i).at(0.48 + 0.01 * i, 0.5).lit(0.9 + 0.05 * i);
            BufferedImage live = SyntheticFaces.scene(Traits.of(people.get(i).idNumber()), scene);
            LbpFaceMatcher.Box liveBox = box(SyntheticFaces.approximateFaceBox(scene));
            for (int j = 0; j < people.size(); j++) {
                double s = LbpFaceMatcher.similarity(live, liveBox, photos.get(j), idBox);
                assertThat(s).isBetween(0.0, 1.0);
                if (i == j) {
                    same += s;
                    nSame++;
                } else {
                    other += s;
                    nOther++;
                }
            }
        }
        assertThat(same / nSame).isGreaterThan(other / nOther + 0.03);
    }

    @Test
    void aFaceRegionOutsideTheImageIsRefused() {
        BufferedImage photo = SyntheticFaces.idPhoto(Traits.of("x"));
        assertThatThrownBy(() -> LbpFaceMatcher.similarity(photo, new LbpFaceMatcher.Box(300, 300, 200, 200), photo, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalisationSpreadsGreyLevelsOverTheFullRange() {
        List<Integer> narrow = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            narrow.add(100 + i % 10);
        }
        int[] out = LbpFaceMatcher.equalise(narrow.stream().mapToInt(Integer::intValue).toArray());
        assertThat(java.util.Arrays.stream(out).min().getAsInt()).isZero();
        assertThat(java.util.Arrays.stream(out).max().getAsInt()).isEqualTo(255);
    }

    private static LbpFaceMatcher.Box box(FaceBox b) {
        return new LbpFaceMatcher.Box(b.x(), b.y(), b.width(), b.height());
    }
}
