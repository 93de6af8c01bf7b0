"""People's names, cities and company legal forms by nation, for realistic demo organisations.

Surnames that change with gender are written ``"male|female"`` (Kowalski|Kowalska, Novák|Nováková);
cities whose French name differs are written ``"English|French"`` (Warsaw|Varsovie).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from lodestar.demo.grammar import pick


@dataclass(frozen=True)
class NationNames:
    male: tuple[str, ...]
    female: tuple[str, ...]
    surnames: tuple[str, ...]
    cities: tuple[str, ...]
    forms: tuple[str, ...]  # legal forms, the most common first


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    female: bool
    nation: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


def _n(male: str, female: str, surnames: str, cities: str, forms: str) -> NationNames:
    return NationNames(
        tuple(male.split(", ")),
        tuple(female.split(", ")),
        tuple(surnames.split(", ")),
        tuple(cities.split(", ")),
        tuple(forms.split(", ")),
    )


NATIONS: dict[str, NationNames] = {
    "US": _n(
        "James, Michael, David, Daniel, Ryan, Tyler, Marcus, Kevin, Brandon, Jason, Andrew, Eric",
        "Emily, Sarah, Jessica, Ashley, Megan, Rachel, Lauren, Nicole, Hannah, Olivia, Grace, Natalie",
        "Smith, Johnson, Williams, Brown, Miller, Davis, Garcia, Martinez, Anderson, Taylor, Thomas, "
        "Moore, "
        "Jackson, White, Harris, Clark, Lewis, Walker, Young, Nguyen, Patel, Kim",
        "Boston, Austin, San Diego, Huntsville, Denver, Seattle, Arlington, Dayton, Pittsburgh, "
        "Raleigh, Tampa",
        "Inc., LLC, Corp.",
    ),
    "CA": _n(
        "Liam, Noah, Ethan, Connor, Owen, Nathan, Ryan, Dylan, Jacob, Matthew",
        "Emma, Olivia, Ava, Chloe, Sophie, Madison, Abigail, Hannah, Megan, Leah",
        "Smith, Brown, Tremblay, Martin, Roy, Wilson, MacDonald, Campbell, Anderson, Taylor, Lee, Wong, "
        "Singh, Murphy, Stewart, Fraser",
        "Ottawa, Toronto, Waterloo, Calgary, Vancouver, Halifax, Edmonton, Winnipeg, Kingston",
        "Inc., Ltd., Corp.",
    ),
    "CA-QC": _n(
        "Mathieu, Étienne, Samuel, Gabriel, Alexandre, Jérémie, Olivier, Félix, Louis, Simon",
        "Catherine, Geneviève, Marie-Ève, Isabelle, Julie, Audrey, Émilie, Camille, Maude, Valérie",
        "Tremblay, Gagnon, Roy, Côté, Bouchard, Gauthier, Morin, Lavoie, Fortin, Gagné, Ouellet, "
        "Pelletier, "
        "Bélanger, Lévesque, Bergeron",
        "Montreal|Montréal, Quebec City|Québec, Sherbrooke, Laval, Gatineau, Trois-Rivières",
        "inc., ltée",
    ),
    "GB": _n(
        "Oliver, Harry, George, Thomas, William, James, Alexander, Samuel, Benjamin, Joseph, Rhys, Callum",
        "Charlotte, Amelia, Isla, Emily, Sophie, Lucy, Alice, Eleanor, Hannah, Zara, Freya, Imogen",
        "Smith, Jones, Taylor, Williams, Brown, Davies, Evans, Wilson, Thomas, Johnson, Roberts, "
        "Walker, "
        "Wright, Robinson, Thompson, Hughes, Edwards, Green, Hall, Khan, Patel, Campbell",
        "London|Londres, Bristol, Manchester, Cambridge, Oxford, Edinburgh|Édimbourg, Glasgow, "
        "Cardiff, Leeds, "
        "Southampton, Belfast, Farnborough",
        "Ltd, Ltd, plc",
    ),
    "PL": _n(
        "Jakub, Piotr, Tomasz, Paweł, Michał, Krzysztof, Łukasz, Marcin, Mateusz, Grzegorz, Bartosz",
        "Anna, Katarzyna, Magdalena, Agnieszka, Joanna, Aleksandra, Monika, Ewa, Zofia, Natalia, Karolina",
        "Kowalski|Kowalska, Nowak, Wiśniewski|Wiśniewska, Wójcik, Kamiński|Kamińska, "
        "Lewandowski|Lewandowska, "
        "Zieliński|Zielińska, Szymański|Szymańska, Woźniak, Dąbrowski|Dąbrowska, Kozłowski|Kozłowska, "
        "Mazur, "
        "Krawczyk, Piotrowski|Piotrowska",
        "Warsaw|Varsovie, Kraków|Cracovie, Wrocław|Wrocław, Gdańsk, Poznań, Łódź, Rzeszów, Gliwice, Lublin",
        "Sp. z o.o., S.A.",
    ),
    "TR": _n(
        "Mehmet, Mustafa, Ahmet, Emre, Burak, Can, Murat, Kerem, Onur, Serkan, Tolga",
        "Elif, Zeynep, Ayşe, Fatma, Merve, Selin, Deniz, Ece, Büşra, Esra, Gizem",
        "Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Yıldırım, Öztürk, Aydın, Özdemir, Arslan, Doğan, "
        "Kılıç, "
        "Aslan, Çetin",
        "Ankara, Istanbul, Izmir, Bursa, Eskişehir, Kocaeli, Konya, Kayseri",
        "A.Ş., Ltd. Şti.",
    ),
    "IT": _n(
        "Marco, Alessandro, Luca, Giuseppe, Matteo, Francesco, Andrea, Lorenzo, Davide, Stefano, Riccardo",
        "Giulia, Francesca, Chiara, Sara, Martina, Elena, Valentina, Federica, Alessia, Silvia, Laura",
        "Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Bruno, "
        "Gallo, Conti, "
        "De Luca, Costa, Giordano, Mancini",
        "Turin|Turin, Milan|Milan, Rome|Rome, Genoa|Gênes, Bologna|Bologne, Pisa|Pise, Naples|Naples, "
        "Trieste, Padua|Padoue, Florence|Florence",
        "S.r.l., S.p.A.",
    ),
    "NO": _n(
        "Lars, Ole, Erik, Magnus, Henrik, Sindre, Eirik, Håkon, Jonas, Kristian",
        "Ingrid, Kari, Silje, Ida, Marte, Nora, Ingeborg, Hanne, Tone, Solveig",
        "Hansen, Johansen, Olsen, Larsen, Andersen, Pedersen, Nilsen, Kristiansen, Jensen, Berg, "
        "Haugen, "
        "Hagen, Bakken, Lie, Dahl",
        "Oslo, Bergen, Trondheim, Stavanger, Tromsø, Kongsberg, Kristiansand, Bodø",
        "AS",
    ),
    "FR": _n(
        "Thomas, Nicolas, Julien, Antoine, Maxime, Alexandre, Guillaume, Romain, Hugo, Mathieu, Pierre, "
        "Vincent, Benoît, Yann",
        "Camille, Manon, Julie, Sarah, Claire, Léa, Chloé, Pauline, Marine, Élodie, Anaïs, Hélène, "
        "Céline, "
        "Margaux",
        "Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, Simon, "
        "Laurent, "
        "Lefebvre, Michel, Garcia, David, Bertrand, Roux, Vincent, Fournier, Morel, Girard, Lambert, "
        "Bonnet, "
        "Le Goff, Mercier",
        "Paris, Toulouse, Lyon, Bordeaux, Grenoble, Rennes, Brest, Nantes, Marseille, Lille, Sophia "
        "Antipolis, "
        "Saclay, Strasbourg, Nancy",
        "SAS, SAS, SA, SARL",
    ),
    "DE": _n(
        "Lukas, Maximilian, Jonas, Felix, Tobias, Florian, Sebastian, Jan, Moritz, Niklas, Stefan",
        "Anna, Lena, Laura, Julia, Sophie, Katharina, Lea, Hannah, Johanna, Miriam, Franziska",
        "Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann, Koch, "
        "Richter, "
        "Bauer, Klein, Wolf, Schröder, Neumann, Zimmermann, Braun, Krüger",
        "Munich|Munich, Berlin, Hamburg|Hambourg, Stuttgart, Dresden|Dresde, Karlsruhe, "
        "Aachen|Aix-la-Chapelle, "
        "Bremen|Brême, Darmstadt, Ulm, Kiel",
        "GmbH, GmbH, AG",
    ),
    "ES": _n(
        "Javier, Alejandro, Daniel, Pablo, Sergio, Carlos, Diego, Álvaro, Jorge, Adrián",
        "Lucía, María, Paula, Laura, Marta, Carmen, Elena, Sara, Irene, Alba",
        "García, Rodríguez, González, Fernández, López, Martínez, Sánchez, Pérez, Gómez, Martín, "
        "Jiménez, "
        "Ruiz, Hernández, Díaz, Moreno",
        "Madrid, Barcelona|Barcelone, Valencia|Valence, Seville|Séville, Bilbao, Zaragoza|Saragosse, "
        "Málaga, "
        "Cartagena|Carthagène",
        "S.L., S.A.",
    ),
    "NL": _n(
        "Daan, Sem, Thijs, Lars, Bram, Ruben, Jeroen, Sander, Joost, Maarten",
        "Emma, Sanne, Lotte, Fleur, Anouk, Eva, Iris, Femke, Lieke, Marloes",
        "de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Visser, Smit, Meijer, de Boer, "
        "Mulder, "
        "de Groot, Bos, Vos, Peters",
        "Delft, Eindhoven, Amsterdam, Rotterdam, The Hague|La Haye, Utrecht, Enschede, Den Helder",
        "B.V.",
    ),
    "BE": _n(
        "Pieter, Wouter, Jens, Koen, Tom, Stijn, Bart, Niels",
        "Lien, Sofie, Eline, Charlotte, Annelies, Hanne, Katrien, Ellen",
        "Peeters, Janssens, Maes, Jacobs, Mertens, Willems, Claes, Goossens, Wouters, De Smet, "
        "Vermeulen, "
        "Van Damme",
        "Antwerp|Anvers, Ghent|Gand, Leuven|Louvain, Bruges, Hasselt",
        "BV, NV",
    ),
    "BE-FR": _n(
        "Olivier, Nicolas, François, Maxime, Julien, Quentin, Arnaud, Cédric",
        "Aurélie, Caroline, Delphine, Sophie, Justine, Amandine, Marie, Laurence",
        "Dubois, Lambert, Dupont, Martin, Simon, Leclercq, Renard, Collard, Lejeune, Denis, Hubert, Masson",
        "Brussels|Bruxelles, Liège, Namur, Charleroi, Louvain-la-Neuve, Mons",
        "SRL, SA",
    ),
    "DK": _n(
        "Mads, Rasmus, Mikkel, Frederik, Emil, Anders, Christian, Søren",
        "Mette, Sofie, Ida, Freja, Camilla, Louise, Signe, Maja",
        "Nielsen, Jensen, Hansen, Pedersen, Andersen, Christensen, Larsen, Sørensen, Rasmussen, Jørgensen",
        "Copenhagen|Copenhague, Aarhus, Odense, Aalborg, Lyngby",
        "ApS, A/S",
    ),
    "SE": _n(
        "Erik, Johan, Anders, Oskar, Viktor, Gustav, Henrik, Axel",
        "Anna, Elin, Sara, Maja, Karin, Johanna, Linnea, Frida",
        "Andersson, Johansson, Karlsson, Nilsson, Eriksson, Larsson, Olsson, Persson, Svensson, Lindqvist",
        "Stockholm, Gothenburg|Göteborg, Linköping, Malmö, Uppsala, Luleå",
        "AB",
    ),
    "FI": _n(
        "Mikko, Juha, Antti, Ville, Jussi, Teemu, Matti, Lauri",
        "Anna, Laura, Johanna, Maria, Elina, Aino, Sanna, Heidi",
        "Korhonen, Virtanen, Mäkinen, Nieminen, Mäkelä, Hämäläinen, Laine, Heikkinen, Koskinen, Järvinen",
        "Helsinki, Espoo, Tampere, Oulu, Turku, Jyväskylä",
        "Oy",
    ),
    "EE": _n(
        "Martin, Rasmus, Karl, Markus, Andres, Siim",
        "Kadri, Liis, Triin, Kristiina, Maarja, Helen",
        "Tamm, Saar, Sepp, Mägi, Kask, Kukk, Rebane, Ilves, Pärn",
        "Tallinn, Tartu, Narva",
        "OÜ, AS",
    ),
    "LV": _n(
        "Jānis, Mārtiņš, Andris, Edgars, Kārlis, Roberts",
        "Anna, Laura, Līga, Ilze, Kristīne, Zane",
        "Bērziņš|Bērziņa, Kalniņš|Kalniņa, Ozoliņš|Ozoliņa, Liepiņš|Liepiņa, Krūmiņš|Krūmiņa, Vītols|Vītola",
        "Riga, Jelgava, Ventspils",
        "SIA",
    ),
    "LT": _n(
        "Tomas, Mantas, Lukas, Darius, Andrius, Paulius",
        "Rūta, Eglė, Ieva, Gabija, Aistė, Agnė",
        "Kazlauskas|Kazlauskienė, Jankauskas|Jankauskienė, Petrauskas|Petrauskienė, "
        "Stankevičius|Stankevičienė, "
        "Vasiliauskas|Vasiliauskienė, Žukauskas|Žukauskienė",
        "Vilnius, Kaunas, Klaipėda",
        "UAB",
    ),
    "CZ": _n(
        "Jan, Tomáš, Petr, Martin, Jakub, Lukáš, Ondřej",
        "Jana, Tereza, Lucie, Kateřina, Petra, Veronika, Eva",
        "Novák|Nováková, Svoboda|Svobodová, Novotný|Novotná, Dvořák|Dvořáková, Černý|Černá, "
        "Procházka|Procházková, Kučera|Kučerová, Veselý|Veselá",
        "Prague, Brno, Ostrava, Plzeň, Pardubice",
        "s.r.o., a.s.",
    ),
    "SK": _n(
        "Peter, Martin, Michal, Tomáš, Juraj, Marek",
        "Zuzana, Katarína, Lucia, Martina, Jana, Monika",
        "Horváth|Horváthová, Kováč|Kováčová, Varga|Vargová, Tóth|Tóthová, Baláž|Balážová, Szabó|Szabová",
        "Bratislava, Košice, Žilina, Trenčín",
        "s.r.o.",
    ),
    "HU": _n(
        "Bence, Máté, Dániel, Gábor, Péter, Zoltán",
        "Anna, Eszter, Réka, Katalin, Zsófia, Dóra",
        "Nagy, Kovács, Tóth, Szabó, Horváth, Varga, Kiss, Molnár, Németh, Farkas",
        "Budapest, Debrecen, Szeged, Győr",
        "Kft., Zrt.",
    ),
    "RO": _n(
        "Andrei, Alexandru, Mihai, Ștefan, Radu, Cristian, Bogdan",
        "Ioana, Maria, Elena, Andreea, Alexandra, Cristina, Raluca",
        "Popescu, Ionescu, Popa, Radu, Dumitru, Stan, Stoica, Gheorghe, Constantin, Munteanu",
        "Bucharest|Bucarest, Cluj-Napoca, Iași, Timișoara, Brașov",
        "S.R.L., S.A.",
    ),
    "BG": _n(
        "Georgi, Dimitar, Ivan, Nikolay, Stefan, Hristo",
        "Maria, Elena, Ivana, Desislava, Nadezhda, Viktoria",
        "Ivanov|Ivanova, Georgiev|Georgieva, Dimitrov|Dimitrova, Petrov|Petrova, Nikolov|Nikolova, "
        "Todorov|Todorova",
        "Sofia, Plovdiv, Varna, Burgas",
        "EOOD, OOD",
    ),
    "HR": _n(
        "Ivan, Luka, Marko, Ante, Tomislav, Josip",
        "Ana, Petra, Ivana, Marija, Lucija, Maja",
        "Horvat, Kovačević, Babić, Marić, Jurić, Novak, Knežević, Vuković",
        "Zagreb, Split, Rijeka, Osijek",
        "d.o.o.",
    ),
    "SI": _n(
        "Luka, Matej, Jure, Rok, Gregor",
        "Nina, Eva, Maja, Urška, Tjaša",
        "Novak, Horvat, Krajnc, Zupančič, Kovačič, Potočnik",
        "Ljubljana, Maribor, Koper",
        "d.o.o.",
    ),
    "GR": _n(
        "Georgios, Konstantinos, Dimitrios, Nikolaos, Ioannis, Panagiotis",
        "Maria, Eleni, Katerina, Sofia, Georgia, Despina",
        "Papadopoulos|Papadopoulou, Georgiou, Nikolaidis|Nikolaidou, Papageorgiou, Vlachos|Vlachou, "
        "Oikonomou, Karagiannis|Karagianni, Pappas|Pappa",
        "Athens|Athènes, Thessaloniki|Thessalonique, Patras, Heraklion|Héraklion",
        "S.A., I.K.E.",
    ),
    "PT": _n(
        "João, Miguel, Tiago, Pedro, Rui, André, Diogo",
        "Ana, Inês, Beatriz, Mariana, Catarina, Sofia, Rita",
        "Silva, Santos, Ferreira, Pereira, Oliveira, Costa, Rodrigues, Martins, Sousa, Fernandes",
        "Lisbon|Lisbonne, Porto, Braga, Coimbra, Aveiro",
        "Lda., S.A.",
    ),
    "AL": _n(
        "Arben, Erion, Ardit, Besnik, Klodian",
        "Elira, Arta, Blerina, Mirela, Klea",
        "Hoxha, Shehu, Gjoka, Leka, Dervishi, Basha",
        "Tirana, Durrës, Vlorë",
        "Sh.p.k.",
    ),
    "ME": _n(
        "Marko, Nikola, Stefan, Milos, Luka",
        "Jelena, Milica, Ana, Tamara, Ivana",
        "Vuković, Popović, Đukanović, Radović, Jovanović",
        "Podgorica, Bar, Nikšić",
        "d.o.o.",
    ),
    "MK": _n(
        "Aleksandar, Stefan, Bojan, Goran, Filip",
        "Elena, Marija, Ana, Biljana, Simona",
        "Stojanovski|Stojanovska, Petrovski|Petrovska, Nikolovski|Nikolovska, Trajkovski|Trajkovska",
        "Skopje, Bitola, Ohrid",
        "DOOEL, DOO",
    ),
    "IS": _n(
        "Jón, Sigurður, Gunnar, Ólafur, Einar",
        "Guðrún, Anna, Sigríður, Kristín, Helga",
        "Jónsson|Jónsdóttir, Sigurðsson|Sigurðardóttir, Guðmundsson|Guðmundsdóttir, Einarsson|Einarsdóttir",
        "Reykjavík, Akureyri",
        "ehf., hf.",
    ),
    "LU": _n(
        "Luc, Marc, Laurent, Philippe, Yves, Gilles",
        "Anne, Sandra, Nathalie, Carole, Martine, Sophie",
        "Schmit, Muller, Weber, Hoffmann, Wagner, Thill, Kieffer, Reuter",
        "Luxembourg, Esch-sur-Alzette, Differdange, Betzdorf",
        "S.à r.l., S.A.",
    ),
    # Partners and others: applicants headquartered outside the member nations, and shareholders.
    "JP": _n(
        "Haruto, Takeshi, Kenji, Hiroshi, Daiki, Yuto",
        "Yui, Aoi, Haruka, Sakura, Misaki, Yuka",
        "Sato, Suzuki, Takahashi, Tanaka, Watanabe, Ito, Nakamura, Kobayashi",
        "Tokyo, Yokohama, Osaka, Nagoya, Tsukuba",
        "K.K., Co., Ltd.",
    ),
    "CH": _n(
        "Lukas, Reto, Beat, Urs, Simon, Adrian",
        "Nicole, Sandra, Corinne, Andrea, Sabine, Fabienne",
        "Müller, Meier, Schmid, Keller, Weber, Huber, Brunner, Baumann",
        "Zurich|Zurich, Bern|Berne, Basel|Bâle, Lucerne, Winterthur",
        "AG, GmbH",
    ),
    "CH-FR": _n(
        "Laurent, Pascal, Cédric, Yannick, Didier",
        "Valérie, Sandrine, Nathalie, Chantal, Aline",
        "Favre, Rochat, Bonvin, Perret, Chevalley, Rey",
        "Geneva|Genève, Lausanne, Neuchâtel, Fribourg",
        "SA, Sàrl",
    ),
    "AU": _n(
        "Jack, Lachlan, Mitchell, Hamish, Riley, Cooper",
        "Chloe, Matilda, Isla, Ruby, Georgia, Sienna",
        "Smith, Jones, Williams, Brown, Wilson, Taylor, Nguyen, Kelly, Mitchell",
        "Sydney, Melbourne, Adelaide, Canberra, Brisbane, Perth",
        "Pty Ltd",
    ),
    "CN": _n(
        "Wei, Jun, Hao, Lei, Tao",
        "Li, Jing, Yan, Min, Xiu",
        "Wang, Li, Zhang, Liu, Chen, Yang, Zhao",
        "Shenzhen, Hangzhou, Beijing, Shanghai",
        "Co., Ltd.",
    ),
    "RU": _n(
        "Dmitry, Sergey, Alexey, Andrey, Pavel",
        "Olga, Natalia, Irina, Ekaterina, Anna",
        "Ivanov|Ivanova, Smirnov|Smirnova, Kuznetsov|Kuznetsova, Popov|Popova, Volkov|Volkova",
        "Moscow|Moscou, Saint Petersburg|Saint-Pétersbourg, Kazan",
        "LLC, JSC",
    ),
    "SG": _n(
        "Wei Jie, Jun Hao, Ravi, Darren, Marcus",
        "Hui Min, Priya, Rachel, Mei Ling, Shu Fen",
        "Tan, Lim, Lee, Ng, Ong, Wong, Goh",
        "Singapore|Singapour",
        "Pte. Ltd.",
    ),
    "AE": _n(
        "Mohammed, Ahmed, Khalid, Saeed, Omar",
        "Fatima, Mariam, Aisha, Noura, Hessa",
        "Al Mansoori, Al Nuaimi, Al Shamsi, Al Hashimi, Al Suwaidi",
        "Abu Dhabi, Dubai|Dubaï",
        "LLC",
    ),
}

# Where several languages are spoken, the share of organisations that work in French, and the key of
# the name list they draw from. French is the language of the organisation and of its applications.
FRENCH_VARIANT = {"CA": ("CA-QC", 0.6), "BE": ("BE-FR", 0.6), "CH": ("CH-FR", 0.3)}
FRENCH_NATIONS = frozenset({"FR", "LU"})
# Elsewhere in continental Europe a few companies work in French too (a French parent company,
# founders trained in France); anglophone nations and the Pacific do not.
ELSEWHERE_FRENCH = 0.08
NEVER_FRENCH = frozenset({"US", "GB", "AU", "JP", "CN", "SG", "AE", "RU", "IS"})


def names_key(nation: str, french: bool) -> str:
    variant = FRENCH_VARIANT.get(nation)
    return variant[0] if french and variant else nation


def speaks_french(rng: random.Random, nation: str) -> bool:
    """Whether a new organisation of `nation` works in French (Québec, Wallonia, Romandy, ...)."""
    if nation in FRENCH_NATIONS:
        return True
    variant = FRENCH_VARIANT.get(nation)
    if variant is not None:
        return rng.random() < variant[1]
    return nation not in NEVER_FRENCH and rng.random() < ELSEWHERE_FRENCH


# A plausible home time zone for people of each nation (users see dates in their own zone).
TIME_ZONES = {
    "US": "America/New_York",
    "CA": "America/Toronto",
    "GB": "Europe/London",
    "PL": "Europe/Warsaw",
    "TR": "Europe/Istanbul",
    "IT": "Europe/Rome",
    "NO": "Europe/Oslo",
    "FR": "Europe/Paris",
    "DE": "Europe/Berlin",
    "ES": "Europe/Madrid",
    "NL": "Europe/Amsterdam",
    "BE": "Europe/Brussels",
    "DK": "Europe/Copenhagen",
    "SE": "Europe/Stockholm",
    "FI": "Europe/Helsinki",
    "EE": "Europe/Tallinn",
    "LV": "Europe/Riga",
    "LT": "Europe/Vilnius",
    "CZ": "Europe/Prague",
    "SK": "Europe/Bratislava",
    "HU": "Europe/Budapest",
    "RO": "Europe/Bucharest",
    "BG": "Europe/Sofia",
    "HR": "Europe/Zagreb",
    "SI": "Europe/Ljubljana",
    "GR": "Europe/Athens",
    "PT": "Europe/Lisbon",
    "AL": "Europe/Tirane",
    "ME": "Europe/Podgorica",
    "MK": "Europe/Skopje",
    "IS": "Atlantic/Reykjavik",
    "LU": "Europe/Luxembourg",
    "JP": "Asia/Tokyo",
    "CH": "Europe/Zurich",
    "AU": "Australia/Sydney",
}


def person(rng: random.Random, nation: str, *, french: bool = False, female: bool | None = None) -> Person:
    names = NATIONS[names_key(nation, french)]
    if female is None:
        female = rng.random() < 0.38
    first = pick(rng, names.female if female else names.male)
    last = pick(rng, names.surnames)
    if "|" in last:
        male_form, female_form = last.split("|")
        last = female_form if female else male_form
    return Person(first=first, last=last, female=female, nation=nation)


def city(rng: random.Random, nation: str, language: str, *, french: bool = False) -> str:
    raw = pick(rng, NATIONS[names_key(nation, french)].cities)
    english, _, french_name = raw.partition("|")
    return french_name if language == "fr" and french_name else english


def legal_form(rng: random.Random, nation: str, *, french: bool = False) -> str:
    forms = NATIONS[names_key(nation, french)].forms
    return forms[0] if rng.random() < 0.7 else pick(rng, forms)
