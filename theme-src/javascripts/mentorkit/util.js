// The ground floor's small helpers, imported by modules of every bundle (it imports nothing).

/**
 * A plain object: not null, not an array (what a stored or imported record must be).
 * @param {unknown} value @returns {value is Record<string, any>}
 */
export const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

/** The text with its first letter in capitals ("mentor" -> "Mentor"). @param {string} text */
export const capitalise = (text) => text.charAt(0).toUpperCase() + text.slice(1);
