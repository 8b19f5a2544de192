package demo

// This file holds the tables the generator draws from. They are built by
// functions, not kept in package variables, so nothing global can change
// between runs; a generator builds them once.

// A name entry is "display|latin|nick": display is the name as written
// (native script and diacritics), latin its plain ASCII romanisation (empty:
// display is already ASCII), nick an optional nickname.

// culture is a naming tradition with the details that go with it.
type culture struct {
	key         string
	weight      int
	female      []string
	male        []string
	familyM     []string
	familyF     []string // nil: same as familyM
	familyFirst bool     // native order: family name first
	joinNative  string   // between family and given in native order
	nativeShare int      // percent of people written in native script; 0 for Latin scripts
	// Variety in Latin-script names, in percent: a second given name
	// (joined by givenJoin), a middle initial, a second surname.
	secondGiven, middle, secondFamily int
	givenJoin                         string
	phone                             func(r *rng) string
	mailHosts                         []string
	channels                          []string // channel names, first ones commoner
	cities                            []string
}

func cultures() []culture {
	return []culture{
		{
			key: "en", weight: 14, middle: 40,
			female:    []string{"Emily", "Sarah", "Jessica", "Hannah", "Olivia", "Charlotte", "Rachel", "Megan", "Rebecca", "Catherine||Kate", "Abigail||Abby", "Grace", "Eleanor||Nell", "Siobhan", "Sophie", "Lucy", "Amelia", "Isabel", "Harriet", "Alice", "Fiona", "Laura", "Holly", "Natalie", "George", "Henry", "Oliver", "Jack", "Harry", "Edward", "Robert||Rob", "Joseph||Joe", "Luke", "Alexander||Alex"},
			male:      []string{"James||Jim", "Michael||Mike", "David", "Daniel||Dan", "Thomas||Tom", "Christopher||Chris", "Matthew", "Andrew||Andy", "William||Will", "Benjamin||Ben", "Samuel||Sam", "Patrick", "Owen", "Callum"},
			familyM:   []string{"Smith", "Johnson", "Williams", "Brown", "Jones", "Taylor", "Davies", "Evans", "Wilson", "Thompson", "Walker", "Wright", "Robinson", "O'Brien", "Murphy", "Campbell", "Clarke", "Hughes", "Edwards", "Bennett", "MacLeod", "Fitzgerald", "Harris", "Lewis", "King", "Green", "Hall", "Wood", "Turner", "Parker", "Cooper", "Ward", "Morris", "Mitchell", "Kelly", "Palmer"},
			phone:     func(r *rng) string { return "+44 7" + r.digits(3) + " " + r.digits(6) },
			mailHosts: []string{"gmail.com", "outlook.com", "icloud.com", "proton.me", "hotmail.co.uk"},
			channels:  []string{"email", "whatsapp", "phone", "linkedin", "signal"},
			cities:    []string{"London", "Manchester", "Edinburgh", "Bristol", "Boston", "Toronto", "Dublin"},
		},
		{
			key: "it", weight: 12, secondGiven: 10, givenJoin: " ",
			female:    []string{"Giulia", "Francesca||Fra", "Chiara", "Sara", "Martina", "Valentina||Vale", "Alessia", "Elena", "Federica||Fede", "Silvia", "Beatrice||Bea", "Ilaria", "Noemi", "Benedetta||Bene", "Giorgia", "Aurora", "Ginevra", "Camilla", "Anna", "Laura", "Paola", "Roberta", "Francesco||Checco", "Stefano", "Paolo", "Pietro", "Emanuele||Manu", "Filippo||Pippo", "Edoardo||Edo", "Michele"},
			male:      []string{"Marco", "Luca", "Andrea", "Matteo||Teo", "Alessandro||Ale", "Davide", "Lorenzo||Lollo", "Simone", "Niccolò|Niccolo|Nico", "Federico||Fede", "Gabriele||Gabri", "Tommaso||Tommy", "Giacomo", "Riccardo||Ricky"},
			familyM:   []string{"Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro", "D'Angelo", "Fabbri", "Pellegrini", "Sanna", "Cocco", "Ferri", "Gentile", "Vitale", "Lombardo", "Marchetti", "Testa", "Guerra", "Orlando", "Villa", "Parisi", "Longo", "Farina"},
			phone:     func(r *rng) string { return "+39 3" + r.digits(2) + " " + r.digits(3) + " " + r.digits(4) },
			mailHosts: []string{"gmail.com", "libero.it", "outlook.it", "icloud.com", "virgilio.it"},
			channels:  []string{"whatsapp", "email", "phone", "telegram", "linkedin"},
			cities:    []string{"Milano", "Torino", "Bologna", "Roma", "Napoli", "Firenze", "Cagliari", "Trieste"},
		},
		{
			key: "es", weight: 8, secondGiven: 10, givenJoin: " ", secondFamily: 30,
			female:    []string{"María|Maria", "Lucía|Lucia", "Carmen", "Paula", "Laura", "Marta", "Sofía|Sofia", "Alba", "Irene", "Nerea", "Ainhoa", "Inés|Ines", "Pilar||Pili", "Mercedes||Merche", "Claudia", "Rocío|Rocio", "Beatriz", "Cristina", "Eva", "Natalia", "Fernando", "Miguel", "Carlos", "Manuel", "Andrés|Andres", "Gonzalo"},
			male:      []string{"José|Jose|Pepe", "Javier||Javi", "Alejandro||Álex", "Daniel||Dani", "Pablo", "Álvaro|Alvaro", "Sergio", "Adrián|Adrian", "Iñaki|Inaki", "Jorge", "Raúl|Raul", "Diego", "Héctor|Hector", "Rubén|Ruben"},
			familyM:   []string{"García|Garcia", "Fernández|Fernandez", "González|Gonzalez", "Rodríguez|Rodriguez", "López|Lopez", "Martínez|Martinez", "Sánchez|Sanchez", "Pérez|Perez", "Gómez|Gomez", "Jiménez|Jimenez", "Ruiz", "Hernández|Hernandez", "Díaz|Diaz", "Moreno", "Muñoz|Munoz", "Álvarez|Alvarez", "Romero", "Navarro", "Ortega", "Castillo", "Ibáñez|Ibanez", "Etxeberria", "Peña|Pena", "Serrano", "Molina", "Delgado", "Vázquez|Vazquez", "Ramos", "Gil", "Blanco", "Suárez|Suarez"},
			phone:     func(r *rng) string { return "+34 6" + r.digits(2) + " " + r.digits(3) + " " + r.digits(3) },
			mailHosts: []string{"gmail.com", "hotmail.es", "outlook.es", "yahoo.es"},
			channels:  []string{"whatsapp", "email", "phone", "telegram"},
			cities:    []string{"Madrid", "Barcelona", "Valencia", "Sevilla", "Bilbao", "Ciudad de México", "Buenos Aires"},
		},
		{
			key: "de", weight: 8, secondGiven: 15, givenJoin: "-",
			female:    []string{"Anna", "Lena", "Julia", "Katharina||Kathi", "Sophie", "Hannah", "Leonie", "Johanna||Jo", "Miriam", "Franziska||Franzi", "Jana", "Sabine", "Ute", "Birgit", "Lea", "Marie", "Clara", "Paula", "Greta", "Carla", "Paul", "Jan", "Philipp", "Alexander||Alex", "Christian", "Daniel"},
			male:      []string{"Jürgen|Juergen", "Lukas", "Jonas", "Felix", "Maximilian||Max", "Tobias||Tobi", "Florian||Flo", "Stefan", "Matthias", "Sebastian||Basti", "Jörg|Joerg", "Dieter", "Niklas", "Moritz"},
			familyM:   []string{"Müller|Mueller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Schäfer|Schaefer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder|Schroeder", "Neumann", "Zimmermann", "Krüger|Krueger", "Hartmann", "Weiß|Weiss", "Köhler|Koehler", "Groß|Gross", "Schmitt", "Lehmann", "Krause", "Meier", "Huber", "Vogel", "Keller", "Frank"},
			phone:     func(r *rng) string { return "+49 1" + r.pick("51", "52", "57", "60", "70", "76") + " " + r.digits(8) },
			mailHosts: []string{"gmail.com", "web.de", "gmx.de", "posteo.de", "t-online.de"},
			channels:  []string{"email", "signal", "phone", "whatsapp"},
			cities:    []string{"Berlin", "München", "Hamburg", "Köln", "Stuttgart", "Leipzig", "Wien", "Zürich"},
		},
		{
			key: "fr", weight: 6, secondGiven: 15, givenJoin: "-",
			female:  []string{"Chloé|Chloe", "Léa|Lea", "Camille", "Manon", "Inès|Ines", "Élodie|Elodie", "Juliette", "Margaux", "Céline|Celine", "Amélie|Amelie", "Sophie", "Pauline", "Claire", "Anaïs|Anais", "Mathilde", "Océane|Oceane", "Louise", "Noémie|Noemie", "Nicolas", "Thomas", "Maxime", "Olivier", "Sébastien|Sebastien", "Pierre", "Louis", "Grégoire|Gregoire"},
			male:    []string{"François|Francois", "Théo|Theo", "Hugo", "Julien", "Mathieu", "Benoît|Benoit", "Antoine", "Guillaume", "Étienne|Etienne", "Raphaël|Raphael"},
			familyM: []string{"Dubois", "Lefèvre|Lefevre", "Moreau", "Girard", "Rousseau", "Lambert", "Fontaine", "Mercier", "Bonnet", "Chevalier", "Durand", "Leroy", "Faure", "Gauthier", "Bernard", "Petit", "Robert", "Richard", "Simon", "Laurent", "Michel", "Garnier", "Roux", "Blanc"},
			phone: func(r *rng) string {
				return "+33 6 " + r.digits(2) + " " + r.digits(2) + " " + r.digits(2) + " " + r.digits(2)
			},
			mailHosts: []string{"gmail.com", "orange.fr", "free.fr", "laposte.net", "proton.me"},
			channels:  []string{"email", "whatsapp", "phone", "signal"},
			cities:    []string{"Paris", "Lyon", "Toulouse", "Nantes", "Marseille", "Bruxelles", "Montréal"},
		},
		{
			key: "pl", weight: 5, secondGiven: 5, givenJoin: " ",
			female:    []string{"Anna||Ania", "Katarzyna||Kasia", "Małgorzata|Malgorzata|Gosia", "Agnieszka||Aga", "Joanna||Asia", "Magdalena||Madzia", "Zofia||Zosia", "Aleksandra||Ola", "Natalia", "Ewa", "Agata", "Weronika", "Paulina"},
			male:      []string{"Łukasz|Lukasz", "Piotr||Piotrek", "Krzysztof||Krzysiek", "Tomasz||Tomek", "Paweł|Pawel", "Michał|Michal", "Jakub||Kuba", "Marcin", "Wojciech||Wojtek", "Grzegorz||Grzesiek", "Mateusz", "Kamil", "Bartłomiej|Bartlomiej|Bartek"},
			familyM:   []string{"Nowak", "Kowalski", "Wiśniewski|Wisniewski", "Wójcik|Wojcik", "Kowalczyk", "Kamiński|Kaminski", "Lewandowski", "Zieliński|Zielinski", "Szymański|Szymanski", "Woźniak|Wozniak", "Dąbrowski|Dabrowski", "Kozłowski|Kozlowski", "Jankowski", "Mazur", "Krawczyk", "Grabowski"},
			familyF:   []string{"Nowak", "Kowalska", "Wiśniewska|Wisniewska", "Wójcik|Wojcik", "Kowalczyk", "Kamińska|Kaminska", "Lewandowska", "Zielińska|Zielinska", "Szymańska|Szymanska", "Woźniak|Wozniak", "Dąbrowska|Dabrowska", "Kozłowska|Kozlowska", "Jankowska", "Mazur", "Krawczyk", "Grabowska"},
			phone:     func(r *rng) string { return "+48 5" + r.digits(2) + " " + r.digits(3) + " " + r.digits(3) },
			mailHosts: []string{"gmail.com", "wp.pl", "o2.pl", "onet.pl", "interia.pl"},
			channels:  []string{"email", "messenger", "phone", "whatsapp"},
			cities:    []string{"Warszawa", "Kraków", "Wrocław", "Gdańsk", "Poznań", "Łódź"},
		},
		{
			key: "tr", weight: 4, secondGiven: 10, givenJoin: " ",
			female:  []string{"Ayşe|Ayse", "Fatma", "Elif", "Zeynep", "Emine", "Merve", "Büşra|Busra", "Çağla|Cagla", "Derya", "Gülşen|Gulsen", "Selin", "Ebru", "Özlem|Ozlem", "İrem|Irem"},
			male:    []string{"Mehmet", "Mustafa", "Ahmet", "Emre", "Burak", "Can", "Murat", "Hakan", "Oğuz|Oguz", "Kerem", "Barış|Baris", "Serkan", "Tolga", "Uğur|Ugur"},
			familyM: []string{"Yılmaz|Yilmaz", "Kaya", "Demir", "Şahin|Sahin", "Çelik|Celik", "Yıldız|Yildiz", "Yıldırım|Yildirim", "Öztürk|Ozturk", "Aydın|Aydin", "Özdemir|Ozdemir", "Arslan", "Doğan|Dogan", "Kılıç|Kilic", "Aslan", "Çetin|Cetin", "Koç|Koc", "Kurt", "Şimşek|Simsek", "Erdoğan|Erdogan"},
			phone: func(r *rng) string {
				return "+90 5" + r.digits(2) + " " + r.digits(3) + " " + r.digits(2) + " " + r.digits(2)
			},
			mailHosts: []string{"gmail.com", "hotmail.com", "yandex.com.tr", "outlook.com"},
			channels:  []string{"whatsapp", "email", "phone", "telegram"},
			cities:    []string{"İstanbul", "Ankara", "İzmir", "Bursa", "Antalya"},
		},
		{
			key: "el", weight: 3, nativeShare: 55,
			female:    []string{"Μαρία|Maria", "Ελένη|Eleni|Lena", "Αικατερίνη|Aikaterini|Katerina", "Βασιλική|Vasiliki|Vicky", "Σοφία|Sofia", "Γεωργία|Georgia", "Δήμητρα|Dimitra", "Αναστασία|Anastasia|Natasa", "Ιωάννα|Ioanna", "Χριστίνα|Christina"},
			male:      []string{"Γιώργος|Giorgos", "Δημήτρης|Dimitris|Mitsos", "Κωνσταντίνος|Konstantinos|Kostas", "Νίκος|Nikos", "Γιάννης|Giannis", "Παναγιώτης|Panagiotis|Panos", "Χρήστος|Christos", "Αλέξανδρος|Alexandros|Alex", "Στέλιος|Stelios", "Θανάσης|Thanasis"},
			familyM:   []string{"Παπαδόπουλος|Papadopoulos", "Παπαδάκης|Papadakis", "Γεωργίου|Georgiou", "Οικονόμου|Oikonomou", "Νικολάου|Nikolaou", "Βασιλείου|Vasileiou", "Αντωνίου|Antoniou", "Ιωάννου|Ioannou", "Καραγιάννης|Karagiannis", "Μακρής|Makris", "Παππάς|Pappas", "Αθανασίου|Athanasiou"},
			familyF:   []string{"Παπαδοπούλου|Papadopoulou", "Παπαδάκη|Papadaki", "Γεωργίου|Georgiou", "Οικονόμου|Oikonomou", "Νικολάου|Nikolaou", "Βασιλείου|Vasileiou", "Αντωνίου|Antoniou", "Ιωάννου|Ioannou", "Καραγιάννη|Karagianni", "Μακρή|Makri", "Παππά|Pappa", "Αθανασίου|Athanasiou"},
			phone:     func(r *rng) string { return "+30 69" + r.digits(1) + " " + r.digits(3) + " " + r.digits(4) },
			mailHosts: []string{"gmail.com", "yahoo.gr", "hotmail.com", "otenet.gr"},
			channels:  []string{"viber", "email", "phone", "whatsapp"},
			cities:    []string{"Αθήνα", "Θεσσαλονίκη", "Πάτρα", "Ηράκλειο", "Λευκωσία"},
		},
		{
			key: "zh", weight: 7, nativeShare: 55, familyFirst: true,
			female:  []string{"芳|Fang", "娜|Na", "静|Jing", "丽|Li", "敏|Min", "婷|Ting", "雪|Xue", "欣怡|Xinyi", "梓涵|Zihan", "雨桐|Yutong", "思琪|Siqi", "慧敏|Huimin", "晓燕|Xiaoyan", "佳怡|Jiayi", "美玲|Meiling", "秀英|Xiuying", "文静|Wenjing", "可欣|Kexin", "晨|Chen", "博文|Bowen", "俊杰|Junjie", "明|Ming", "鹏|Peng", "天宇|Tianyu"},
			male:    []string{"伟|Wei", "强|Qiang", "磊|Lei", "军|Jun", "洋|Yang", "勇|Yong", "杰|Jie", "浩然|Haoran", "子轩|Zixuan", "宇航|Yuhang", "志明|Zhiming", "建国|Jianguo"},
			familyM: []string{"王|Wang", "李|Li", "张|Zhang", "刘|Liu", "陈|Chen", "杨|Yang", "黄|Huang", "赵|Zhao", "吴|Wu", "周|Zhou", "徐|Xu", "孙|Sun", "马|Ma", "朱|Zhu", "胡|Hu", "郭|Guo", "林|Lin", "何|He", "高|Gao", "罗|Luo", "郑|Zheng", "梁|Liang", "谢|Xie", "宋|Song", "唐|Tang", "许|Xu"},
			phone: func(r *rng) string {
				return "+86 1" + r.pick("38", "39", "58", "86", "88") + " " + r.digits(4) + " " + r.digits(4)
			},
			mailHosts: []string{"qq.com", "163.com", "gmail.com", "outlook.com", "126.com"},
			channels:  []string{"wechat", "email", "phone"},
			cities:    []string{"上海", "北京", "深圳", "杭州", "成都", "Singapore", "台北"},
		},
		{
			key: "ja", weight: 4, nativeShare: 60, familyFirst: true, joinNative: " ",
			female:    []string{"花子|Hanako", "陽菜|Hina", "結衣|Yui", "美咲|Misaki", "さくら|Sakura", "葵|Aoi", "真由美|Mayumi", "恵|Megumi", "愛子|Aiko", "由美|Yumi", "彩|Aya", "奈々|Nana", "千尋|Chihiro", "理恵|Rie", "明美|Akemi", "優子|Yuko", "隆|Takashi", "聡|Satoshi", "亮|Ryo", "大樹|Daiki", "康介|Kosuke", "修|Osamu"},
			male:      []string{"翔太|Shota", "大輔|Daisuke", "健太|Kenta", "拓也|Takuya", "蓮|Ren", "悠真|Yuma", "和也|Kazuya", "誠|Makoto", "浩二|Koji", "直樹|Naoki"},
			familyM:   []string{"佐藤|Sato", "鈴木|Suzuki", "高橋|Takahashi", "田中|Tanaka", "伊藤|Ito", "渡辺|Watanabe", "山本|Yamamoto", "中村|Nakamura", "小林|Kobayashi", "加藤|Kato", "吉田|Yoshida", "山田|Yamada", "松本|Matsumoto", "井上|Inoue", "木村|Kimura", "林|Hayashi", "斎藤|Saito", "清水|Shimizu", "山口|Yamaguchi", "森|Mori", "池田|Ikeda", "橋本|Hashimoto"},
			phone:     func(r *rng) string { return "+81 " + r.pick("80", "90", "70") + "-" + r.digits(4) + "-" + r.digits(4) },
			mailHosts: []string{"gmail.com", "yahoo.co.jp", "docomo.ne.jp", "icloud.com"},
			channels:  []string{"line", "email", "phone"},
			cities:    []string{"東京", "大阪", "京都", "福岡", "札幌", "名古屋"},
		},
		{
			key: "ko", weight: 4, nativeShare: 60, familyFirst: true,
			female:    []string{"서연|Seoyeon", "지우|Jiwoo", "민서|Minseo", "하은|Haeun", "수빈|Subin", "지민|Jimin", "예린|Yerin", "유나|Yuna", "은지|Eunji", "혜진|Hyejin", "소연|Soyeon", "다은|Daeun", "미진|Mijin", "지현|Jihyun", "수진|Sujin", "윤아|Yoona", "재현|Jaehyun", "태민|Taemin", "우진|Woojin", "상훈|Sanghoon", "영호|Youngho", "진우|Jinwoo"},
			male:      []string{"민준|Minjun", "서준|Seojun", "도윤|Doyun", "예준|Yejun", "시우|Siwoo", "지호|Jiho", "현우|Hyunwoo", "준호|Junho", "성민|Sungmin", "동현|Donghyun"},
			familyM:   []string{"김|Kim", "이|Lee", "박|Park", "최|Choi", "정|Jung", "강|Kang", "조|Cho", "윤|Yoon", "장|Jang", "임|Lim", "한|Han", "오|Oh", "서|Seo", "신|Shin", "권|Kwon", "황|Hwang", "안|Ahn", "송|Song"},
			phone:     func(r *rng) string { return "+82 10-" + r.digits(4) + "-" + r.digits(4) },
			mailHosts: []string{"naver.com", "gmail.com", "daum.net", "kakao.com"},
			channels:  []string{"kakaotalk", "email", "phone"},
			cities:    []string{"서울", "부산", "인천", "대전", "판교"},
		},
		{
			key: "in", weight: 9, middle: 10,
			female:    []string{"Priya", "Ananya", "Aishwarya||Aishu", "Deepika", "Kavya", "Meera", "Nandini", "Pooja", "Shreya", "Lakshmi", "Divya", "Sneha", "Aditi", "Anjali", "Ishita", "Riya", "Sunita", "Radhika", "Tanvi", "Varun", "Harish", "Manoj", "Suresh", "Kiran", "Pranav"},
			male:      []string{"Arjun", "Rahul", "Vikram||Vicky", "Rohan", "Aditya||Adi", "Karthik", "Siddharth||Sid", "Sanjay", "Rajesh||Raj", "Anil", "Vivek", "Nikhil", "Amit"},
			familyM:   []string{"Sharma", "Patel", "Iyer", "Reddy", "Nair", "Gupta", "Singh", "Kumar", "Menon", "Rao", "Desai", "Mehta", "Chatterjee", "Banerjee", "Mukherjee", "Krishnan", "Pillai", "Joshi", "Kapoor", "Bhat", "Agarwal", "Verma", "Saxena", "Malhotra", "Bose", "Das", "Shetty", "Hegde", "Kulkarni", "Naidu"},
			phone:     func(r *rng) string { return "+91 9" + r.digits(4) + " " + r.digits(5) },
			mailHosts: []string{"gmail.com", "yahoo.co.in", "outlook.com", "rediffmail.com"},
			channels:  []string{"whatsapp", "email", "phone", "linkedin"},
			cities:    []string{"Bengaluru", "Mumbai", "Pune", "Chennai", "Hyderabad", "Kolkata", "Delhi"},
		},
		{
			key: "ng", weight: 5, secondGiven: 25, givenJoin: " ",
			female:    []string{"Chiamaka||Amaka", "Ngozi", "Adaeze||Ada", "Fúnmiláyọ̀|Funmilayo|Funmi", "Folake", "Amina", "Zainab", "Chidinma", "Yetunde||Yetty", "Ifeoma||Ife", "Tèmítọ́pẹ́|Temitope|Tope", "Aisha"},
			male:      []string{"Chukwuemeka||Emeka", "Olúwátóbi|Oluwatobi|Tobi", "Babajide||Jide", "Ifeanyi", "Segun", "Obinna", "Musa", "Ibrahim", "Kelechi", "Damilola||Dami", "Adébáyọ̀|Adebayo|Bayo", "Tunde"},
			familyM:   []string{"Okonkwo", "Adéyẹmí|Adeyemi", "Okafor", "Eze", "Nwosu", "Ògúnlẹ́yẹ|Ogunleye", "Balogun", "Abubakar", "Bello", "Okoro", "Afọ́lábí|Afolabi", "Nwachukwu", "Obi", "Oyelaran"},
			phone:     func(r *rng) string { return "+234 80" + r.digits(1) + " " + r.digits(3) + " " + r.digits(4) },
			mailHosts: []string{"gmail.com", "yahoo.com", "outlook.com"},
			channels:  []string{"whatsapp", "email", "phone", "linkedin"},
			cities:    []string{"Lagos", "Abuja", "Port Harcourt", "Ibadan", "Enugu", "London"},
		},
		{
			key: "ar", weight: 5, nativeShare: 35,
			female:  []string{"ليلى|Layla", "فاطمة|Fatima", "نور|Nour", "مريم|Mariam", "سارة|Sara", "ياسمين|Yasmin", "رنا|Rana", "هدى|Huda", "ريم|Reem", "دينا|Dina"},
			male:    []string{"محمد|Mohammed", "أحمد|Ahmed", "عمر|Omar", "خالد|Khaled", "يوسف|Youssef", "كريم|Karim", "طارق|Tarek", "سامي|Sami", "حسن|Hassan", "زياد|Ziad"},
			familyM: []string{"حداد|Haddad", "الخوري|Khoury", "منصور|Mansour", "صالح|Saleh", "نصر|Nasr", "عباس|Abbas", "حمدان|Hamdan", "العلي|Al-Ali", "الأحمد|Al-Ahmad", "سليمان|Suleiman", "فارس|Fares", "الحسيني|Al-Husseini"},
			phone: func(r *rng) string {
				return r.pick("+971 5", "+961 3", "+20 10", "+962 7") + r.digits(1) + " " + r.digits(3) + " " + r.digits(4)
			},
			mailHosts: []string{"gmail.com", "hotmail.com", "outlook.com", "yahoo.com"},
			channels:  []string{"whatsapp", "email", "phone"},
			cities:    []string{"Dubai", "Beirut", "Cairo", "Amman", "Doha", "Riyadh", "Casablanca"},
		},
		{
			key: "vi", weight: 3, familyFirst: true, joinNative: " ", nativeShare: 100,
			female:    []string{"Thị Hương|Thi Huong|Hương", "Thu Trang|Thu Trang|Trang", "Ngọc Anh|Ngoc Anh", "Minh Châu|Minh Chau", "Lan Anh", "Thanh Hà|Thanh Ha", "Phương Linh|Phuong Linh|Linh", "Mai", "Bích Ngọc|Bich Ngoc"},
			male:      []string{"Văn Minh|Van Minh", "Đức Anh|Duc Anh", "Quang Huy", "Minh Tuấn|Minh Tuan|Tuấn", "Hoàng Nam|Hoang Nam|Nam", "Thành Long|Thanh Long", "Bảo|Bao", "Khánh|Khanh", "Quốc Việt|Quoc Viet"},
			familyM:   []string{"Nguyễn|Nguyen", "Trần|Tran", "Lê|Le", "Phạm|Pham", "Hoàng|Hoang", "Phan", "Vũ|Vu", "Đặng|Dang", "Bùi|Bui", "Đỗ|Do", "Hồ|Ho", "Ngô|Ngo"},
			phone:     func(r *rng) string { return "+84 9" + r.digits(1) + " " + r.digits(3) + " " + r.digits(4) },
			mailHosts: []string{"gmail.com", "yahoo.com.vn", "outlook.com"},
			channels:  []string{"zalo", "email", "phone", "messenger"},
			cities:    []string{"Hà Nội", "Thành phố Hồ Chí Minh", "Đà Nẵng", "Huế", "Hải Phòng"},
		},
		{
			key: "uk", weight: 3, nativeShare: 50,
			female:  []string{"Олена|Olena", "Оксана|Oksana", "Ірина|Iryna", "Наталія|Nataliia|Natasha", "Юлія|Yuliia", "Тетяна|Tetiana|Tania", "Марія|Mariia", "Анастасія|Anastasiia|Nastia"},
			male:    []string{"Олександр|Oleksandr|Sasha", "Андрій|Andrii", "Дмитро|Dmytro", "Сергій|Serhii", "Тарас|Taras", "Богдан|Bohdan", "Максим|Maksym", "Іван|Ivan"},
			familyM: []string{"Шевченко|Shevchenko", "Коваленко|Kovalenko", "Бондаренко|Bondarenko", "Ткаченко|Tkachenko", "Кравченко|Kravchenko", "Мельник|Melnyk", "Бойко|Boiko", "Коваль|Koval", "Литвиненко|Lytvynenko", "Олійник|Oliinyk"},
			phone: func(r *rng) string {
				return "+380 " + r.pick("67", "50", "63", "97") + " " + r.digits(3) + " " + r.digits(2) + " " + r.digits(2)
			},
			mailHosts: []string{"gmail.com", "ukr.net", "proton.me", "outlook.com"},
			channels:  []string{"telegram", "signal", "email", "phone"},
			cities:    []string{"Київ", "Львів", "Харків", "Одеса", "Kraków", "Berlin"},
		},
		{
			key: "pt", weight: 5, secondGiven: 20, givenJoin: " ", secondFamily: 50,
			female:  []string{"Ana", "Beatriz||Bia", "Juliana||Ju", "Fernanda||Nanda", "Camila", "Letícia|Leticia", "Gabriela||Gabi", "Larissa", "Mariana", "Luíza|Luiza", "Carolina", "Patrícia|Patricia", "Raquel", "Aline", "Bruna", "Renata", "Marcelo", "Eduardo||Dudu", "André|Andre", "Leonardo||Leo", "Ricardo", "Mateus"},
			male:    []string{"João|Joao", "Pedro", "Lucas", "Gustavo||Guga", "Rafael||Rafa", "Thiago", "Felipe", "Bruno", "Rodrigo||Digo", "Vinícius|Vinicius|Vini"},
			familyM: []string{"Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa", "Rodrigues", "Almeida", "Nascimento", "Lima", "Araújo|Araujo", "Gonçalves|Goncalves", "Conceição|Conceicao", "Ribeiro", "Carvalho", "Ferreira", "Gomes", "Martins", "Barbosa", "Rocha"},
			phone: func(r *rng) string {
				return "+55 " + r.pick("11", "21", "31", "41", "51") + " 9" + r.digits(4) + "-" + r.digits(4)
			},
			mailHosts: []string{"gmail.com", "hotmail.com", "uol.com.br", "outlook.com"},
			channels:  []string{"whatsapp", "email", "phone", "telegram"},
			cities:    []string{"São Paulo", "Rio de Janeiro", "Belo Horizonte", "Porto Alegre", "Lisboa", "Porto"},
		},
	}
}

// sector is a free tag with the organisations and roles that go with it.
type sector struct {
	tag     string
	weight  int
	orgs    []string
	roles   []string
	related []string // second tags a person in this sector often carries
	busy    []string // likely busy seasons, "Mar-Apr"
	busyPct int      // percent of people in the sector with a busy season
}

func sectors() []sector {
	return []sector{
		{tag: "software", weight: 14,
			orgs:    []string{"Quietloop", "Bytehaven", "Nimbus Systems", "Ferrite Software", "Orchard Labs", "Tessellate", "Lumen Cloud", "Kumo Works"},
			roles:   []string{"Software Engineer", "Staff Engineer", "Engineering Manager", "Site Reliability Engineer", "CTO", "QA Lead", "Developer Advocate", "Frontend Developer", "Data Engineer"},
			related: []string{"fintech", "gaming", "telecom", "design"}, busy: []string{"Nov-Dec"}, busyPct: 5},
		{tag: "fintech", weight: 6,
			orgs:    []string{"Ledgerline", "Paywise", "Moneta Labs", "Kiroku Pay", "Fintastico", "Clearpath Payments"},
			roles:   []string{"Product Manager, Payments", "Risk Analyst", "Backend Engineer", "Head of Compliance", "Data Scientist", "Fraud Operations Lead"},
			related: []string{"software", "banking"}, busy: []string{"Dec-Jan"}, busyPct: 10},
		{tag: "banking", weight: 4,
			orgs:    []string{"Banca del Lago", "Nordhafen Bank", "Crescent Bank", "Banco Atlántico", "Sterling & Rowe"},
			roles:   []string{"Relationship Manager", "Credit Analyst", "Investment Banker", "Branch Manager", "Treasury Analyst"},
			related: []string{"fintech", "insurance"}, busy: []string{"Dec-Jan", "Jun"}, busyPct: 40},
		{tag: "aerospace", weight: 3,
			orgs:    []string{"Aeronautica Meridiana", "Skyward Dynamics", "Orbital Works", "Helios Propulsion", "Airframe Systems GmbH"},
			roles:   []string{"Propulsion Engineer", "Systems Engineer", "Flight Test Engineer", "Avionics Lead", "Programme Manager", "Structures Analyst"},
			related: []string{"automotive", "software"}},
		{tag: "healthcare", weight: 8,
			orgs:    []string{"Ospedale Santa Chiara", "Klinikum Nord", "Riverside Medical Centre", "CareBridge Clinics", "Hospital Universitario del Sol", "Sakura General Hospital"},
			roles:   []string{"Cardiologist", "Nurse Practitioner", "Paediatrician", "Hospital Administrator", "Physiotherapist", "Radiologist", "GP"},
			related: []string{"biotech", "pharma"}, busy: []string{"Nov-Feb"}, busyPct: 25},
		{tag: "biotech", weight: 3,
			orgs:    []string{"Genomica", "Helix Bio", "Cellular Arts", "Proteon Therapeutics"},
			roles:   []string{"Research Scientist", "Lab Manager", "Bioinformatician", "Clinical Trial Manager", "Regulatory Affairs Specialist"},
			related: []string{"healthcare", "pharma", "academia"}},
		{tag: "pharma", weight: 2,
			orgs:    []string{"Farmaceutica Adriatica", "Novagen Pharma", "Rhein Pharma"},
			roles:   []string{"Medical Science Liaison", "Pharmacovigilance Officer", "QA Manager", "Market Access Manager"},
			related: []string{"healthcare", "biotech"}},
		{tag: "design", weight: 6,
			orgs:    []string{"Studio Forma", "Pentacolor", "Atelier Nord", "Grid & Grain", "Kanso Design"},
			roles:   []string{"Product Designer", "UX Researcher", "Design Director", "Brand Designer", "Illustrator", "Type Designer"},
			related: []string{"marketing", "software", "architecture"}},
		{tag: "education", weight: 8,
			orgs:    []string{"Liceo Scientifico Galilei", "Riverside High School", "Gymnasium am Park", "Colegio San Marcos", "Little Acorns Primary", "Lycée Jean Moulin"},
			roles:   []string{"Maths Teacher", "Head Teacher", "Physics Teacher", "School Counsellor", "Curriculum Coordinator", "Primary Teacher", "English Teacher"},
			related: []string{"academia", "nonprofit"}, busy: []string{"Jun-Jul", "Sep"}, busyPct: 70},
		{tag: "academia", weight: 5,
			orgs:    []string{"Politecnico del Nord", "University of Eastbridge", "Technische Universität Rheinau", "Universidad de la Costa", "Institut Polytechnique de Lyon"},
			roles:   []string{"Associate Professor", "Postdoctoral Researcher", "PhD Candidate", "Lecturer", "Research Fellow", "Lab Director"},
			related: []string{"education", "biotech"}, busy: []string{"Jan-Feb", "Jun-Jul"}, busyPct: 30},
		{tag: "law", weight: 5,
			orgs:    []string{"Bianchi & Partners", "Hartley Wynn LLP", "Studio Legale Conti", "Müller Rechtsanwälte", "García Abogados"},
			roles:   []string{"Associate", "Senior Associate", "Partner", "In-house Counsel", "Paralegal", "Trademark Attorney"},
			related: []string{"consulting", "government"}, busy: []string{"Nov-Dec"}, busyPct: 15},
		{tag: "accounting", weight: 5,
			orgs:    []string{"Moretti & Associati", "Keller Steuerberatung", "Brightline Accountants", "Ledger & Co", "Audit Partners"},
			roles:   []string{"Chartered Accountant", "Tax Adviser", "Audit Manager", "Bookkeeper", "Financial Controller"},
			related: []string{"consulting", "banking"}, busy: []string{"Mar-Apr"}, busyPct: 85},
		{tag: "retail", weight: 5,
			orgs:    []string{"Corner Market", "Linea Casa", "Urban Thread", "Kaufhaus Lindner", "Tienda Sol"},
			roles:   []string{"Store Manager", "Buyer", "Visual Merchandiser", "E-commerce Manager", "Supply Planner"},
			related: []string{"logistics", "marketing"}, busy: []string{"Nov-Dec"}, busyPct: 85},
		{tag: "consulting", weight: 5,
			orgs:    []string{"Marlow Strategy", "Vantage Advisory", "Blue Harbour Consulting", "Kestrel Partners"},
			roles:   []string{"Senior Consultant", "Engagement Manager", "Partner", "Business Analyst"},
			related: []string{"banking", "government", "software"}},
		{tag: "media", weight: 4,
			orgs:    []string{"The Morning Ledger", "Il Quotidiano del Nord", "Radio Onda", "Northlight Pictures", "Brightwave Podcasts"},
			roles:   []string{"Editor", "Reporter", "Producer", "Podcast Host", "Copy Editor", "Data Journalist"},
			related: []string{"marketing", "nonprofit"}},
		{tag: "marketing", weight: 5,
			orgs:    []string{"Brightside Agency", "Loud & Clear", "Pixel Harvest", "Agenzia Ventura"},
			roles:   []string{"Marketing Manager", "SEO Specialist", "Copywriter", "Growth Lead", "Brand Strategist"},
			related: []string{"design", "media", "retail"}, busy: []string{"Oct-Nov"}, busyPct: 15},
		{tag: "energy", weight: 3,
			orgs:    []string{"Solaria Energia", "Windmere Power", "GridNorth", "Verdant Hydrogen"},
			roles:   []string{"Grid Engineer", "Energy Analyst", "Project Developer", "Site Manager"},
			related: []string{"government", "consulting"}},
		{tag: "logistics", weight: 3,
			orgs:    []string{"Rapido Freight", "Portside Logistics", "Continental Haulage"},
			roles:   []string{"Operations Manager", "Logistics Coordinator", "Fleet Manager", "Supply Chain Analyst"},
			related: []string{"retail", "manufacturing"}, busy: []string{"Nov-Dec"}, busyPct: 60},
		{tag: "manufacturing", weight: 3,
			orgs:    []string{"Officine Brenta", "Rheinwerk", "Precision Tooling Ltd", "Kobo Seiki"},
			roles:   []string{"Production Planner", "Process Engineer", "Plant Manager", "Quality Engineer"},
			related: []string{"automotive", "logistics"}},
		{tag: "automotive", weight: 3,
			orgs:    []string{"Motori Veloce", "Electra Motors", "Autowerk Süd"},
			roles:   []string{"Powertrain Engineer", "Battery Engineer", "Design Engineer", "Homologation Specialist"},
			related: []string{"manufacturing", "aerospace"}},
		{tag: "government", weight: 4,
			orgs:    []string{"Regional Development Agency", "City Council", "National Statistics Office", "Ministry of Economy"},
			roles:   []string{"Policy Adviser", "Civil Servant", "Statistician", "Procurement Officer"},
			related: []string{"nonprofit", "law"}, busy: []string{"Sep-Oct"}, busyPct: 20},
		{tag: "nonprofit", weight: 3,
			orgs:    []string{"Open Doors Foundation", "Green Valley Trust", "Kids Code Club", "Fondazione Aurora"},
			roles:   []string{"Programme Director", "Fundraiser", "Volunteer Coordinator", "Grants Manager"},
			related: []string{"education", "government"}, busy: []string{"Nov-Dec"}, busyPct: 35},
		{tag: "hospitality", weight: 3,
			orgs:    []string{"Hotel Bellavista", "Alpine Lodge Resort", "Trattoria da Gino", "Seaside Inn"},
			roles:   []string{"Hotel Manager", "Head Chef", "Sommelier", "Events Manager", "Revenue Manager"},
			related: []string{"retail"}, busy: []string{"Nov-Feb", "Jun-Aug"}, busyPct: 80},
		{tag: "architecture", weight: 3,
			orgs:    []string{"Studio Architetti Riva", "Blocks & Lines", "Arkitekt Nord"},
			roles:   []string{"Architect", "Project Architect", "Urban Planner", "BIM Manager"},
			related: []string{"design"}},
		{tag: "recruiting", weight: 3,
			orgs:    []string{"TalentBridge", "Headway Search", "PeopleFirst"},
			roles:   []string{"Technical Recruiter", "Talent Partner", "Executive Search Consultant", "HR Business Partner"},
			related: []string{"software", "consulting"}, busy: []string{"Jan-Feb"}, busyPct: 20},
		{tag: "insurance", weight: 2,
			orgs:    []string{"Assicurazioni Aurora", "Northstar Mutual", "Alpina Re"},
			roles:   []string{"Actuary", "Underwriter", "Claims Manager", "Risk Modeller"},
			related: []string{"banking", "fintech"}, busy: []string{"Dec-Jan"}, busyPct: 25},
		{tag: "gaming", weight: 2,
			orgs:    []string{"Pixel Forge", "Lantern Games", "Studio Kumo"},
			roles:   []string{"Game Designer", "Gameplay Programmer", "Producer", "3D Artist", "Community Manager"},
			related: []string{"software", "design"}, busy: []string{"Oct-Nov"}, busyPct: 30},
		{tag: "telecom", weight: 2,
			orgs:    []string{"Telnova", "Linkwave", "Fibra Sud"},
			roles:   []string{"Network Engineer", "RF Engineer", "Product Owner"},
			related: []string{"software"}},
	}
}

// rareSectors are held by one friend each in a network: the sole contacts
// in a sector, whom the policy must not rule out lightly.
func rareSectors() []sector {
	return []sector{
		{tag: "viticulture", orgs: []string{"Cantina Valdoro"}, roles: []string{"Winemaker"}, busy: []string{"Sep-Oct"}, busyPct: 100},
		{tag: "luthiery", orgs: []string{"Bottega Liutaria Ferri"}, roles: []string{"Luthier"}},
		{tag: "cartography", orgs: []string{"Meridian Maps"}, roles: []string{"Cartographer"}},
		{tag: "maritime-law", orgs: []string{"Harbour Chambers"}, roles: []string{"Maritime Lawyer"}},
		{tag: "beekeeping", orgs: []string{"Apiario del Sole"}, roles: []string{"Beekeeper"}, busy: []string{"May-Jul"}, busyPct: 100},
		{tag: "glassblowing", orgs: []string{"Vetreria Nova"}, roles: []string{"Glass Artist"}},
		{tag: "seismology", orgs: []string{"National Geophysics Institute"}, roles: []string{"Seismologist"}},
		{tag: "patent-translation", orgs: []string{"Lingua Patents"}, roles: []string{"Patent Translator"}},
	}
}

// boundaryNotes are lines friends draw, by kind; %s is "her", "his" or
// "their".
// boundaryChoice is a kind of boundary with the notes friends give for it.
type boundaryChoice struct {
	kind  string
	notes []string
}

func boundaryNotes() []boundaryChoice {
	return []boundaryChoice{
		{"referral", []string{"%s firm forbids referrals to executives", "refers only people from %s own team", "%s company pays no referral bonus and frowns on referrals"}},
		{"recommendation", []string{"doesn't write LinkedIn recommendations", "company policy: no public endorsements"}},
		{"reference", []string{"gives references only for people from %s own team", "HR handles all references at %s company"}},
		{"intro", []string{"keeps %s investor contacts private", "won't introduce to clients"}},
		{"chat", []string{"prefers not to talk shop outside work"}},
		{"review", []string{"no time for CV reviews this year"}},
	}
}

func events() []string {
	return []string{"PyCon Italia", "FOSDEM", "Web Summit", "a climbing gym", "a friend's wedding", "the Berlin marathon", "a hackathon", "university", "a language exchange", "a book club", "Erasmus", "a design meetup", "a volunteering weekend", "a conference in Lisbon"}
}

func noteTemplates() []string {
	return []string{
		"Met at %[1]s in %[2]d.",
		"Old friend from %[1]s (%[2]d).",
		"Two kids; mornings are hard, evenings are better.",
		"Runs marathons; ask about the last race.",
		"Moving to %[3]s next spring.",
		"Prefers voice notes to long e-mails.",
		"Mentored me during my first job.",
		"Neighbour when I lived in %[3]s.",
		"Just promoted; congratulate before asking anything.",
		"Knows everyone in the local %[4]s scene.",
		"Writes a newsletter about %[4]s.",
		"Partner works in %[5]s too.",
		"On parental leave until the autumn.",
		"Loves board games; owes me a rematch.",
	}
}

func projects() []string {
	return []string{"the payments migration", "the hospital rota tool", "the rebrand", "a tender for the city", "the data platform", "the spring campaign", "the mobile app", "a grant proposal", "the audit season", "the new warehouse", "an EU research project", "the launch in Spain", "the school exchange"}
}

// askTopics are topic templates by kind: %[1]s the organisation, %[2]s
// the sector, %[3]s a role.
func askTopics() map[string][]string {
	return map[string][]string{
		"intro":          {"Intro to the hiring manager at %[1]s", "Intro to a %[3]s at %[1]s", "Intro to someone they trust in %[2]s", "Intro to the founder of %[1]s"},
		"chat":           {"Chat about the %[3]s role at %[1]s", "Coffee chat: moving into %[2]s", "What it's like to work in %[2]s", "Chat about the culture at %[1]s"},
		"referral":       {"Referral for the %[3]s opening at %[1]s", "Internal referral at %[1]s", "Referral for a contract role at %[1]s"},
		"reference":      {"Reference for a %[3]s application", "Reference for the %[1]s interview loop"},
		"recommendation": {"LinkedIn recommendation for our project together", "Recommendation for my %[2]s profile"},
		"advice":         {"Advice on negotiating an offer", "Advice on freelancing in %[2]s", "Advice on a career break", "Advice on going back to study", "Advice on salary ranges in %[2]s"},
		"review":         {"Review of my CV for %[2]s roles", "Portfolio review", "Feedback on my cover letter for %[1]s", "Review of my talk proposal"},
		"other":          {"Share my job post with %[2]s people", "Beta-test my side project", "Spare ticket for a %[2]s conference", "Borrow the camera for a weekend"},
	}
}

func helpedOutcomes() map[string][]string {
	return map[string][]string{
		"intro":          {"Intro sent; call booked for the following week", "Introduced me by e-mail the same day", "Intro made; they invited me to apply"},
		"chat":           {"Forty-minute call; great pointers on hiring in %[2]s", "Coffee; suggested three people to talk to", "Long call; honest about the downsides"},
		"referral":       {"Referred; first interview scheduled", "Referred me; got to the final round"},
		"reference":      {"Gave a glowing reference; offer followed", "Reference call done"},
		"recommendation": {"Wrote a kind recommendation", "Recommendation posted"},
		"advice":         {"Sent a long, thoughtful reply", "Talked it through over lunch", "Shared a spreadsheet of salary bands"},
		"review":         {"Marked up the CV; much tighter now", "Detailed comments on the portfolio", "Rewrote my opening paragraph"},
		"other":          {"Done, no fuss", "Said yes straight away", "Happy to help"},
	}
}

// declinedOutcomes are why a friend said no: general reasons, then those
// that only fit an introduction or a referral.
func declinedOutcomes() (general, connect []string) {
	return []string{"Too busy this quarter", "Said they are not the right person and suggested someone else", "Travelling for a month; asked me to try later"},
		[]string{"Doesn't know anyone there any more", "Not comfortable introducing to a director", "Company policy: no referrals this year"}
}

func withdrawnOutcomes() []string {
	return []string{"Position filled before I sent it", "Found another way in", "No longer needed", "Changed my mind", ""}
}

func favorTemplates() []string {
	return []string{
		"Reviewed %[1]s CV",
		"Introduced %[2]s to a %[3]s at %[4]s",
		"Helped %[2]s move flat",
		"Wrote %[2]s a LinkedIn recommendation",
		"Sent %[2]s my notes from %[5]s",
		"Proofread %[1]s grant proposal",
		"Lent %[2]s my camera for a trip",
		"Fed %[1]s cat for a week",
		"Shared %[1]s job post in my network",
		"Bought %[2]s dinner after %[1]s promotion",
		"Mock interview before %[1]s big day",
		"Fixed %[1]s website",
		"Translated %[1]s cover letter",
	}
}
