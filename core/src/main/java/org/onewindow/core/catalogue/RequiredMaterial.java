package org.onewindow.core.catalogue;

import java.util.List;
import java.util.Objects;

/**
 * A material (申请材料) a service item asks for, and the evidence that satisfies it, in order of preference
 * (digital first: a citizen is not asked for paper the hall can look up).
 *
 * @param code     stable key within the item, e.g. {@code id-card}
 * @param name     e.g. 居民身份证
 * @param required false for materials only some citizens need
 * @param accepted ways to satisfy it; any one suffices
 */
public record RequiredMaterial(String code, String name, boolean required, List<EvidenceRule> accepted) {
    public RequiredMaterial {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        accepted = List.copyOf(accepted);
    }

    /** Whether evidence of this kind and type satisfies the material. */
    public boolean satisfiedBy(EvidenceKind kind, String type) {
        return accepted.stream().anyMatch(r -> r.accepts(kind, type));
    }
}
