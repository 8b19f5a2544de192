package store

import "testing"

func TestSplitName(t *testing.T) {
	tests := []struct {
		name string
		want NameParts
	}{
		{"Mr. Michael Angstadt Jr.", NameParts{Prefix: "Mr.", Given: "Michael", Family: "Angstadt", Suffix: "Jr."}},
		{"Ada Lovelace", NameParts{Given: "Ada", Family: "Lovelace"}},
		{"Ada", NameParts{Given: "Ada"}},
		{"Dr. John Q. Public, Jr.", NameParts{Prefix: "Dr.", Given: "John", Additional: "Q.", Family: "Public", Suffix: "Jr."}},
		{"Prof. Dr. Hans Müller", NameParts{Prefix: "Prof. Dr.", Given: "Hans", Family: "Müller"}},
		{"Grace Brewster Murray Hopper", NameParts{Given: "Grace", Additional: "Brewster Murray", Family: "Hopper"}},
		{"Ludwig van Beethoven", NameParts{Given: "Ludwig", Family: "van Beethoven"}},
		{"Vincent van der Berg", NameParts{Given: "Vincent", Family: "van der Berg"}},
		{"Leonardo da Vinci", NameParts{Given: "Leonardo", Family: "da Vinci"}},
		{"Maria de la Cruz", NameParts{Given: "Maria", Family: "de la Cruz"}},
		{"Carlo di Stefano", NameParts{Given: "Carlo", Family: "di Stefano"}},
		{"Giovanni d'Alessandro", NameParts{Given: "Giovanni", Family: "d'Alessandro"}},
		{"Van Morrison", NameParts{Given: "Van", Family: "Morrison"}},
		{"Dott. Mario Rossi", NameParts{Prefix: "Dott.", Given: "Mario", Family: "Rossi"}},
		{"Public, John Q.", NameParts{Given: "John", Additional: "Q.", Family: "Public"}},
		{"Simon Perreault, ing. jr", NameParts{Given: "Simon", Family: "Perreault", Suffix: "ing. jr"}},
		{"Jack Ma", NameParts{Given: "Jack", Family: "Ma"}},
		{"Martin Luther King III", NameParts{Given: "Martin", Additional: "Luther", Family: "King", Suffix: "III"}},
		{"Ada Byron, PhD", NameParts{Given: "Ada", Family: "Byron", Suffix: "PhD"}},
		{"吉田 健太", NameParts{Given: "健太", Family: "吉田"}},
		{"王二狗", NameParts{Given: "二狗", Family: "王"}},
		{"欧阳娜娜", NameParts{Given: "娜娜", Family: "欧阳"}},
		{"김민준", NameParts{Given: "민준", Family: "김"}},
		{"すずき", NameParts{Given: "すずき"}}, // kana: cannot be told
		{"Trần Văn An", NameParts{Given: "An", Additional: "Văn", Family: "Trần"}},
		{"Nguyen Van Linh", NameParts{Given: "Linh", Additional: "Van", Family: "Nguyen"}},
		{"Anh Nguyen", NameParts{Given: "Anh", Family: "Nguyen"}},
		{"Le Corbusier", NameParts{Given: "Le", Family: "Corbusier"}},
		{"Siemens AG", NameParts{}},
		{"Acme Inc.", NameParts{}},
		{"Banca Esempio S.p.A.", NameParts{}},
		{"  ", NameParts{}},
	}
	for _, tt := range tests {
		if got := SplitName(tt.name); got != tt.want {
			t.Errorf("SplitName(%q) = %+v, want %+v", tt.name, got, tt.want)
		}
	}
}
