/**
 * Swedish texts for class-validator's constraints, by constraint name. class-validator gives only
 * the English message (its default, or the one the decorator was given), so the bound is read
 * from it: the number before "characters"/"elements", or the value after "at least"/"at most"/
 * "less than"/"greater than" (a Money bound reads "1 250,00 kr" either way). A constraint without
 * a template gets a general Swedish text; the English message is never changed.
 */

const CHARACTERS = /(\d+) characters/;
const ELEMENTS = /(\d+) elements/;
const LOWER = /(?:at least|less than) (.+)$/;
const UPPER = /(?:at most|greater than) (.+)$/;

function captured(pattern: RegExp, english: string): string | undefined {
  return pattern.exec(english)?.[1];
}

/** The Swedish text of one broken constraint, without the field (the caller puts the path before it). */
export function swedishConstraint(constraint: string, english: string): string {
  switch (constraint) {
    case "isLength":
    case "length":
    case "minLength":
    case "maxLength": {
      const n = captured(CHARACTERS, english);
      if (n === undefined) return "har fel längd";
      return /longer than/.test(english) ? `måste vara minst ${n} tecken` : `får vara högst ${n} tecken`;
    }
    case "min": {
      const bound = captured(LOWER, english);
      return bound === undefined ? "är för litet" : `måste vara minst ${bound}`;
    }
    case "max": {
      const bound = captured(UPPER, english);
      return bound === undefined ? "är för stort" : `får vara högst ${bound}`;
    }
    case "arrayMinSize": {
      const n = captured(ELEMENTS, english);
      return n === undefined ? "har för få element" : `måste innehålla minst ${n} element`;
    }
    case "arrayMaxSize": {
      const n = captured(ELEMENTS, english);
      return n === undefined ? "har för många element" : `får innehålla högst ${n} element`;
    }
    case "arrayUnique":
      return "får inte innehålla dubbletter";
    case "isEmail":
      return "måste vara en e-postadress";
    case "isInt":
      return "måste vara ett heltal";
    case "matches":
      return "har inte rätt format";
    case "isNotEmpty":
      return "får inte vara tomt";
    case "isIn":
      return "har inget av de tillåtna värdena";
    default:
      return "har inget giltigt värde";
  }
}
