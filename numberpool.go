package chime

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// The pool is the numbers a server offers for ordering. It holds fictional
// numbers only, never a real subscriber's: in the US the hundred numbers
// 555-0100 to 555-0199 of every area code (reserved for fiction), and
// toll-free 8XX-555-0100 to 0199; in Great Britain the ranges Ofcom keeps
// for drama. Whether a number is free is the store's question: the pool
// says only which numbers exist and what they are.

// areaCode is a US area code the pool knows by place.
type areaCode struct {
	npa, state, city string
}

// usAreaCodes lists, per state, a few area codes and a city each, in
// ascending order within a state. Any other valid area code can still be
// searched by area code.
var usAreaCodes = []areaCode{
	{"205", "AL", "Birmingham"}, {"907", "AK", "Anchorage"}, {"480", "AZ", "Mesa"}, {"602", "AZ", "Phoenix"},
	{"501", "AR", "Little Rock"}, {"213", "CA", "Los Angeles"}, {"310", "CA", "Santa Monica"}, {"415", "CA", "San Francisco"},
	{"619", "CA", "San Diego"}, {"303", "CO", "Denver"}, {"203", "CT", "New Haven"}, {"302", "DE", "Wilmington"},
	{"202", "DC", "Washington"}, {"305", "FL", "Miami"}, {"407", "FL", "Orlando"}, {"404", "GA", "Atlanta"},
	{"808", "HI", "Honolulu"}, {"208", "ID", "Boise"}, {"312", "IL", "Chicago"}, {"317", "IN", "Indianapolis"},
	{"515", "IA", "Des Moines"}, {"316", "KS", "Wichita"}, {"502", "KY", "Louisville"}, {"504", "LA", "New Orleans"},
	{"207", "ME", "Portland"}, {"410", "MD", "Baltimore"}, {"617", "MA", "Boston"}, {"313", "MI", "Detroit"},
	{"612", "MN", "Minneapolis"}, {"601", "MS", "Jackson"}, {"314", "MO", "St. Louis"}, {"406", "MT", "Billings"},
	{"402", "NE", "Omaha"}, {"702", "NV", "Las Vegas"}, {"603", "NH", "Manchester"}, {"201", "NJ", "Jersey City"},
	{"505", "NM", "Albuquerque"}, {"212", "NY", "New York"}, {"646", "NY", "New York"}, {"718", "NY", "New York"},
	{"704", "NC", "Charlotte"}, {"701", "ND", "Fargo"}, {"614", "OH", "Columbus"}, {"405", "OK", "Oklahoma City"},
	{"503", "OR", "Portland"}, {"215", "PA", "Philadelphia"}, {"401", "RI", "Providence"}, {"803", "SC", "Columbia"},
	{"605", "SD", "Sioux Falls"}, {"615", "TN", "Nashville"}, {"214", "TX", "Dallas"}, {"512", "TX", "Austin"},
	{"713", "TX", "Houston"}, {"801", "UT", "Salt Lake City"}, {"802", "VT", "Burlington"}, {"804", "VA", "Richmond"},
	{"206", "WA", "Seattle"}, {"253", "WA", "Tacoma"}, {"425", "WA", "Bellevue"}, {"304", "WV", "Charleston"},
	{"414", "WI", "Milwaukee"}, {"307", "WY", "Cheyenne"},
}

// usStates maps full state names (lower case) to their USPS codes.
var usStates = map[string]string{
	"alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA", "colorado": "CO",
	"connecticut": "CT", "delaware": "DE", "district of columbia": "DC", "florida": "FL", "georgia": "GA",
	"hawaii": "HI", "idaho": "ID", "illinois": "IL", "indiana": "IN", "iowa": "IA", "kansas": "KS",
	"kentucky": "KY", "louisiana": "LA", "maine": "ME", "maryland": "MD", "massachusetts": "MA",
	"michigan": "MI", "minnesota": "MN", "mississippi": "MS", "missouri": "MO", "montana": "MT",
	"nebraska": "NE", "nevada": "NV", "new hampshire": "NH", "new jersey": "NJ", "new mexico": "NM",
	"new york": "NY", "north carolina": "NC", "north dakota": "ND", "ohio": "OH", "oklahoma": "OK",
	"oregon": "OR", "pennsylvania": "PA", "rhode island": "RI", "south carolina": "SC", "south dakota": "SD",
	"tennessee": "TN", "texas": "TX", "utah": "UT", "vermont": "VT", "virginia": "VA", "washington": "WA",
	"west virginia": "WV", "wisconsin": "WI", "wyoming": "WY",
}

// tollFreePrefixes are the prefixes with numbers in the pool. 800 is valid
// but empty, as it was on AWS ("none are available in the pool").
var tollFreePrefixes = []string{"833", "844", "855", "866", "877", "888"}

// gbRange is a block of British numbers kept for drama.
type gbRange struct {
	prefix string // after +44
	kind   PhoneNumberType
}

var gbRanges = []gbRange{
	{"1214960", LocalNumber}, {"1314960", LocalNumber}, {"1614960", LocalNumber}, {"2079460", LocalNumber},
	{"8081570", TollFreeNumber},
}

// NumberSearch is the filter of SearchAvailablePhoneNumbers.
type NumberSearch struct {
	AreaCode, City, State, Country, TollFreePrefix string
	Type                                           PhoneNumberType
}

var areaCodePattern = regexp.MustCompile(`^[2-9]\d{2}$`)

// badSearch is the service's answer to a search it cannot run.
func badSearch(why string) error {
	return Errorf(BadRequest, "%s: %s", BadRequestMessage, why)
}

// SearchPool returns the pool's numbers that match s, in ascending order,
// before the store removes the ones some AWS account holds. Returns
// BadRequest for a search the service refused: a US search without an area
// code, city, state or toll-free prefix; a city without a state; filters
// outside the US other than the number type, which is required there; a
// toll-free prefix with an area code or the Local type; a country the pool
// does not serve.
func SearchPool(s NumberSearch) ([]string, error) {
	country := s.Country
	if country == "" {
		country = "US"
	}
	switch country {
	case "US":
		return searchUS(s)
	case "GB":
		if s.AreaCode != "" || s.City != "" || s.State != "" || s.TollFreePrefix != "" {
			return nil, badSearch("outside the US, only the number type filters")
		}
		if s.Type == "" {
			return nil, badSearch("outside the US, the number type is required")
		}
		var out []string
		for _, r := range gbRanges {
			if r.kind == s.Type {
				out = append(out, block("+44"+r.prefix, 0, 1000, 3)...)
			}
		}
		slices.Sort(out)
		return out, nil
	}
	return nil, badSearch(fmt.Sprintf("no numbers are offered in %q", country))
}

func searchUS(s NumberSearch) ([]string, error) {
	if s.AreaCode == "" && s.City == "" && s.State == "" && s.TollFreePrefix == "" {
		return nil, badSearch("give an area code, a city and state, a state or a toll-free prefix")
	}
	if s.City != "" && s.State == "" {
		return nil, badSearch("a city needs its state")
	}
	if s.TollFreePrefix != "" {
		if s.AreaCode != "" || s.City != "" || s.State != "" || s.Type == LocalNumber {
			return nil, badSearch("a toll-free prefix goes alone")
		}
		if !slices.Contains(tollFreePrefixes, s.TollFreePrefix) {
			return []string{}, nil
		}
		return block("+1"+s.TollFreePrefix+"5550", 100, 100, 3), nil
	}
	if s.Type == TollFreeNumber {
		return []string{}, nil // toll-free numbers are found by prefix
	}
	var npas []string
	if s.AreaCode != "" {
		if !validAreaCode(s.AreaCode) {
			return nil, badSearch(fmt.Sprintf("%q is not an area code", s.AreaCode))
		}
		npas = []string{s.AreaCode}
	}
	if s.State != "" {
		state, ok := stateCode(s.State)
		if !ok {
			return nil, badSearch(fmt.Sprintf("%q is not a US state", s.State))
		}
		var inState []string
		for _, a := range usAreaCodes {
			if a.state == state && (s.City == "" || strings.EqualFold(a.city, s.City)) && !slices.Contains(inState, a.npa) {
				inState = append(inState, a.npa)
			}
		}
		if npas == nil {
			npas = inState
		} else if !slices.Contains(inState, npas[0]) {
			npas = nil // the filters do not meet
		}
	}
	slices.Sort(npas)
	out := []string{}
	for _, npa := range npas {
		out = append(out, block("+1"+npa+"5550", 100, 100, 3)...)
	}
	return out, nil
}

// block lists n numbers: prefix followed by from, from+1, … written with
// width digits.
func block(prefix string, from, n, width int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s%0*d", prefix, width, from+i)
	}
	return out
}

// validAreaCode accepts the area codes of places: three digits, not
// starting with 0 or 1, not an N11 service code, not a toll-free 8XX code
// (808, Hawaii's, is a place).
func validAreaCode(npa string) bool {
	if !areaCodePattern.MatchString(npa) || npa[1:] == "11" {
		return false
	}
	return npa[0] != '8' || slices.ContainsFunc(usAreaCodes, func(a areaCode) bool { return a.npa == npa })
}

func stateCode(s string) (string, bool) {
	if code, ok := usStates[strings.ToLower(strings.TrimSpace(s))]; ok {
		return code, true
	}
	up := strings.ToUpper(s)
	for _, code := range usStates {
		if code == up {
			return code, true
		}
	}
	return "", false
}

// PoolNumber says whether e164 is a number of the pool, and its country and
// type.
func PoolNumber(e164 string) (country string, t PhoneNumberType, ok bool) {
	switch {
	case strings.HasPrefix(e164, "+1") && len(e164) == 12:
		npa, rest := e164[2:5], e164[5:]
		if !strings.HasPrefix(rest, "5550") || rest[4] != '1' {
			return "", "", false // 555-0100 to 555-0199 only
		}
		if slices.Contains(tollFreePrefixes, npa) {
			return "US", TollFreeNumber, true
		}
		if validAreaCode(npa) {
			return "US", LocalNumber, true
		}
	case strings.HasPrefix(e164, "+44") && len(e164) == 13:
		for _, r := range gbRanges {
			if strings.HasPrefix(e164[3:], r.prefix) {
				return "GB", r.kind, true
			}
		}
	}
	return "", "", false
}

// PhoneNumberCountry is a country where numbers of a product type can be
// ordered, with the types offered there.
type PhoneNumberCountry struct {
	Code  string
	Types []PhoneNumberType
}

// SupportedCountries lists where numbers of a product type can be ordered:
// Business Calling takes US local numbers only; Voice Connector US local
// and toll-free; SIP media applications those and British numbers.
func SupportedCountries(p PhoneNumberProductType) []PhoneNumberCountry {
	switch p {
	case BusinessCalling:
		return []PhoneNumberCountry{{"US", []PhoneNumberType{LocalNumber}}}
	case VoiceConnector:
		return []PhoneNumberCountry{{"US", []PhoneNumberType{LocalNumber, TollFreeNumber}}}
	case SipMediaApplicationDialIn:
		return []PhoneNumberCountry{{"US", []PhoneNumberType{LocalNumber, TollFreeNumber}}, {"GB", []PhoneNumberType{LocalNumber, TollFreeNumber}}}
	}
	return []PhoneNumberCountry{}
}

// CheckProductFits returns BadRequest when a number of this country and
// type cannot have the product type: toll-free numbers are not for
// Business Calling, and numbers outside the US are for SIP media
// applications only.
func CheckProductFits(country string, t PhoneNumberType, p PhoneNumberProductType) error {
	for _, c := range SupportedCountries(p) {
		if c.Code == country && slices.Contains(c.Types, t) {
			return nil
		}
	}
	return Errorf(BadRequest, "%s numbers of %s cannot have the product type %s", t, country, p)
}

// Capabilities are what a number of the pool can do: US local numbers
// everything, toll-free and British numbers voice only.
func Capabilities(country string, t PhoneNumberType) PhoneNumberCapabilities {
	c := PhoneNumberCapabilities{InboundCall: true, OutboundCall: true}
	if country == "US" && t == LocalNumber {
		c.InboundSMS, c.OutboundSMS, c.InboundMMS, c.OutboundMMS = true, true, true, true
	}
	return c
}

// CheckPhoneNumberOrder validates an order's list: 1 to
// MaxPhoneNumbersPerRequest numbers in E.164 form, none twice, and each
// fit for the product type where the pool knows it (a number the pool does
// not know is accepted, and fails in the order). It returns the numbers in
// canonical form.
func CheckPhoneNumberOrder(p PhoneNumberProductType, numbers []string) ([]string, error) {
	if !slices.Contains(PhoneNumberProductTypes, p) {
		return nil, Errorf(BadRequest, "ProductType must be one of %s", joinNames(PhoneNumberProductTypes, ", "))
	}
	if len(numbers) == 0 || len(numbers) > MaxPhoneNumbersPerRequest {
		return nil, Errorf(BadRequest, "E164PhoneNumbers must have 1 to %d numbers", MaxPhoneNumbersPerRequest)
	}
	out := make([]string, len(numbers))
	seen := make(map[string]bool, len(numbers))
	for i, n := range numbers {
		e, err := E164(n)
		if err != nil {
			return nil, err
		}
		if seen[e] {
			return nil, Errorf(BadRequest, "E164PhoneNumbers has %s twice", e)
		}
		seen[e] = true
		if country, t, ok := PoolNumber(e); ok {
			if err := CheckProductFits(country, t, p); err != nil {
				return nil, err
			}
		}
		out[i] = e
	}
	return out, nil
}
