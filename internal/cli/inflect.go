package cli

import (
	"regexp"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// pluralize is Sequelize.Utils.pluralize (the inflection package 1.13.4)
// for the table name model:generate writes: words it counts as uncountable
// stay as they are, words already in a plural form it knows stay as they
// are, and the first singular rule that matches decides the ending. Rules
// are tried case-insensitively and keep the case of what they keep.
func pluralize(word string) string {
	if uncountable()[strings.ToLower(word)] {
		return word
	}
	for _, r := range pluralRules() {
		if !r.re.MatchString(word) {
			continue
		}
		if r.keep {
			return word
		}
		return r.re.ReplaceAllString(word, r.repl)
	}
	return word
}

type inflectRule struct {
	re   *regexp.Regexp
	repl string
	keep bool // already plural: unchanged
}

func keep(pattern string) inflectRule {
	return inflectRule{re: regexp.MustCompile("(?i)" + pattern), keep: true}
}

func to(pattern, repl string) inflectRule {
	return inflectRule{re: regexp.MustCompile("(?i)" + pattern), repl: repl}
}

// pluralRules in the order inflection tries them: the plural forms first
// (a word already plural is left alone), then the singular endings. They are
// compiled on first use: only model:generate pluralizes.
var pluralRules = sync.OnceValue(func() []inflectRule {
	return []inflectRule{
		keep(`^(m|wom)en$`),
		keep(`(pe)ople$`),
		keep(`(child)ren$`),
		keep(`([ti])a$`),
		keep(`((a)naly|(b)a|(d)iagno|(p)arenthe|(p)rogno|(s)ynop|(t)he)ses$`),
		keep(`(database)s$`),
		keep(`(drive)s$`),
		keep(`(hi|ti)ves$`),
		keep(`(curve)s$`),
		keep(`([lr])ves$`),
		keep(`([^fo])ves$`),
		keep(`([^aeiouy]|qu)ies$`),
		keep(`(s)eries$`),
		keep(`(m)ovies$`),
		keep(`(x|ch|ss|sh)es$`),
		keep(`([m|l])ice$`),
		keep(`(bus)es$`),
		keep(`(o)es$`),
		keep(`(shoe)s$`),
		keep(`(cris|ax|test)es$`),
		keep(`(octop|vir)uses$`),
		keep(`(alias|canvas|status|campus)es$`),
		keep(`^(summons|bonus)es$`),
		keep(`^(ox)en`),
		keep(`(matr)ices$`),
		keep(`^feet$`),
		keep(`^teeth$`),
		keep(`^geese$`),
		keep(`(quiz)zes$`),
		keep(`^(whereas)es$`),
		keep(`^(criteri)a$`),
		keep(`^genera$`),

		to(`^(m|wom)an$`, "${1}en"),
		to(`(pe)rson$`, "${1}ople"),
		to(`(child)$`, "${1}ren"),
		to(`(drive)$`, "${1}s"),
		to(`^(ox)$`, "${1}en"),
		to(`(ax|test)is$`, "${1}es"),
		to(`(octop|vir)us$`, "${1}uses"),
		to(`(alias|status|canvas|campus)$`, "${1}es"),
		to(`^(summons|bonus)$`, "${1}es"),
		to(`(bu)s$`, "${1}ses"),
		to(`(buffal|tomat|potat)o$`, "${1}oes"),
		to(`([ti])um$`, "${1}a"),
		to(`sis$`, "ses"),
		to(`(?:([^f])fe|([lr])f)$`, "${1}${2}ves"),
		to(`(hi|ti)ve$`, "${1}ves"),
		to(`([^aeiouy]|qu)y$`, "${1}ies"),
		to(`(matr)ix$`, "${1}ices"),
		to(`(vert|ind)ex$`, "${1}ices"),
		to(`(x|ch|ss|sh)$`, "${1}es"),
		to(`([m|l])ouse$`, "${1}ice"),
		to(`^foot$`, "feet"),
		to(`^tooth$`, "teeth"),
		to(`^goose$`, "geese"),
		to(`(quiz)$`, "${1}zes"),
		to(`^(whereas)$`, "${1}es"),
		to(`^(criteri)on$`, "${1}a"),
		to(`^genus$`, "genera"),
		to(`s$`, "s"),
		to(`$`, "s"),
	}
})

// uncountable are the words inflection 1.13.4 never pluralizes (compared
// in lower case).
var uncountable = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
accommodation adulthood advertising advice aggression aid air aircraft alcohol anger applause
arithmetic assistance athletics bacon baggage beef biology blood botany bread butter carbon
cardboard cash chalk chaos chess crossroads countryside dancing deer dignity dirt dust economics
education electricity engineering enjoyment envy equipment ethics evidence evolution fame fiction
flour flu food fuel fun furniture gallows garbage garlic genetics gold golf gossip gratitude grief
guilt gymnastics happiness hardware harm hate hatred health heat help homework honesty honey
hospitality housework humour hunger hydrogen ice importance inflation information innocence iron
irony jam jewelry judo karate knowledge lack laughter lava leather leisure lightning linguine
linguini linguistics literature litter livestock logic loneliness luck luggage macaroni machinery
magic management mankind marble mathematics mayonnaise measles methane milk minus money mud music
mumps nature news nitrogen nonsense nurture nutrition obedience obesity oxygen pasta patience
physics poetry pollution poverty pride psychology publicity punctuation quartz racism relaxation
reliability research respect revenge rice rubbish rum safety scenery seafood seaside series shame
sheep shopping sleep smoke smoking snow soap software soil spaghetti species steam stuff stupidity
sunshine symmetry tennis thirst thunder timber traffic transportation trust underwear unemployment
unity validity veal vegetation vegetarianism vengeance violence vitality warmth wealth weather
welfare wheat wildlife wisdom yoga zinc zoology`) {
		m[w] = true
	}
	return m
})

// kebabCase is lodash's kebabCase for the migration name of model:generate:
// apostrophes dropped, the text split into words as lodash's words() splits
// it (lower-case runs, an upper-case letter with the lower-case run after
// it, upper-case runs before such a word or a non-letter, digit runs, and
// ordinals such as 1st), the words lower-cased and joined with "-".
func kebabCase(s string) string {
	s = deburr(strings.NewReplacer("'", "", "\u2019", "").Replace(s))
	var words []string
	rs := []rune(s)
	isUpper := func(i int) bool { return i < len(rs) && unicode.IsUpper(rs[i]) }
	isLower := func(i int) bool { return i < len(rs) && unicode.IsLower(rs[i]) }
	isDigit := func(i int) bool { return i < len(rs) && rs[i] >= '0' && rs[i] <= '9' }
	for i := 0; i < len(rs); {
		switch {
		case isDigit(i):
			j := i
			for isDigit(j) {
				j++
			}
			if j+1 < len(rs)+1 && j+2 <= len(rs) {
				suf := string(rs[j : j+2])
				last := rs[j-1]
				ok := (suf == "st" && last == '1') || (suf == "nd" && last == '2') || (suf == "rd" && last == '3') ||
					(suf == "th" && (last < '1' || last > '3'))
				up := strings.ToLower(suf) != suf
				ok = ok || ((suf == "ST" && last == '1') || (suf == "ND" && last == '2') || (suf == "RD" && last == '3') ||
					(suf == "TH" && (last < '1' || last > '3')))
				if ok {
					k := j + 2
					after := k >= len(rs) || !(unicode.IsLetter(rs[k]) || isDigit(k)) || rs[k] == '_' ||
						(!up && isUpper(k)) || (up && isLower(k))
					if after {
						j = k
					}
				}
			}
			words = append(words, string(rs[i:j]))
			i = j
		case isUpper(i):
			j := i
			for isUpper(j) {
				j++
			}
			if isLower(j) {
				if j-i > 1 {
					words = append(words, string(rs[i:j-1]))
					i = j - 1
				}
				k := i + 1
				for isLower(k) {
					k++
				}
				words = append(words, string(rs[i:k]))
				i = k
				continue
			}
			words = append(words, string(rs[i:j]))
			i = j
		case isLower(i) || unicode.IsLetter(rs[i]):
			j := i + 1
			for isLower(j) || (j < len(rs) && unicode.IsLetter(rs[j]) && !unicode.IsUpper(rs[j])) {
				j++
			}
			words = append(words, string(rs[i:j]))
			i = j
		default:
			i++
		}
	}
	return strings.ToLower(strings.Join(words, "-"))
}

// deburrSpecial are the Latin letters lodash's deburr spells out that do
// not decompose into a base letter and marks.
var deburrSpecial = strings.NewReplacer(
	"Æ", "Ae", "æ", "ae", "Ð", "D", "ð", "d", "Ø", "O", "ø", "o", "Þ", "Th", "þ", "th", "ß", "ss",
	"Đ", "D", "đ", "d", "Ħ", "H", "ħ", "h", "ı", "i", "Ĳ", "IJ", "ĳ", "ij", "ĸ", "k", "Ŀ", "L", "ŀ", "l",
	"Ł", "L", "ł", "l", "ŉ", "'n", "Ŋ", "N", "ŋ", "n", "Œ", "Oe", "œ", "oe", "Ŧ", "T", "ŧ", "t", "ſ", "s",
)

// deburr is lodash's deburr: accented Latin letters to their base letters,
// combining marks removed.
func deburr(s string) string {
	s = deburrSpecial.Replace(s)
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
