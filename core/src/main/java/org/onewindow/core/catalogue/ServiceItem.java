package org.onewindow.core.catalogue;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A service item (事项) of the catalogue.
 *
 * @param code      the catalogue code, e.g. {@code SB-0001}
 * @param name      e.g. 社保卡补领
 * @param category  code of the queue category that serves it (see the queue service)
 * @param materials what the citizen must provide
 */
public record ServiceItem(String code, String name, String category, List<RequiredMaterial> materials) {
    public ServiceItem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        materials = List.copyOf(materials);
    }

    public Optional<RequiredMaterial> material(String materialCode) {
        return materials.stream().filter(m -> m.code().equals(materialCode)).findFirst();
    }
}
