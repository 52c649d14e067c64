package org.silkgrant.shared;

/**
 * An administrative division of GB/T 2260: region (省级), prefecture (地级) or county (县级).
 *
 * @param code   the six-digit code, e.g. {@code 650102}
 * @param name   the Chinese name, e.g. {@code 天山区}
 * @param parent the code of the enclosing division, or {@code null} for the region itself
 */
public record DivisionCode(String code, String name, String parent) {

    public DivisionCode {
        if (code == null || !code.matches("[0-9]{6}")) {
            throw new IllegalArgumentException("a division code has six digits");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("division " + code + " has no name");
        }
        if (parent != null && parent.isEmpty()) {
            parent = null;
        }
    }

    /** The first four digits, shared by a prefecture and all its counties. */
    public String prefecture() {
        return code.substring(0, 4);
    }

    /** Whether this is a provincial-level division such as {@code 650000}. */
    public boolean isRegionLevel() {
        return code.endsWith("0000");
    }

    /**
     * Whether this is a prefecture-level code such as {@code 650100}; this includes groupings like {@code 659000}
     * (county-level cities directly under the region), which GB/T 2260 numbers the same way.
     */
    public boolean isPrefectureLevel() {
        return code.endsWith("00") && !isRegionLevel();
    }
}
