"""A gazetteer of well-known organisations of the radar's field, typed from general knowledge (none taken
from the radar bench): defence and aerospace companies of the alliance and beyond, big tech and AI
companies, news organisations and agencies (English and French), space agencies, ministries, armed
services and agencies of member nations and major partners, EU and NATO bodies, universities and research
organisations, and venture funds active in defence and deep tech.

One name a line; ``#`` starts a comment. Words that are also common words or first names on their own
("Total", "Shell", "Bell", "Draper", "Time") are left out, or kept only in a longer, unambiguous form.
``names.py`` takes a capitalised chain that is one of these names as an organisation and never cuts it
inside; ``gazetteer_spans`` finds the names that hold lower-case words ("Commissariat à l'énergie
atomique"), which no chain of capitals covers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_NAMES = """
# Defence and aerospace: North America
Lockheed Martin
Lockheed Martin Skunk Works
Skunk Works
RTX
Raytheon Technologies
Pratt & Whitney
Collins Aerospace
Northrop Grumman
General Dynamics
General Dynamics Land Systems
General Dynamics Electric Boat
Electric Boat
Gulfstream
Huntington Ingalls Industries
Huntington Ingalls
HII
Newport News Shipbuilding
Leidos
Booz Allen
CACI International
SAIC
Science Applications International Corporation
Honeywell Aerospace
GE Aerospace
GE Vernova
Sikorsky
Bell Textron
Textron Systems
Oshkosh Defense
AM General
AeroVironment
Kratos Defense
Mercury Systems
Curtiss-Wright
Teledyne
Teledyne FLIR
FLIR Systems
Parsons
KBR
ManTech
Peraton
Amentum
V2X
General Atomics
General Atomics Aeronautical Systems
GA-ASI
Sierra Nevada Corporation
Aerojet Rocketdyne
L3Harris
L3Harris Technologies
BWX Technologies
BWXT
Moog
Ball Aerospace
CAE
Bombardier
MDA Space
Palantir Technologies
Anduril Industries
Shield AI
Skydio
Saronic
Epirus
Hadrian
Castelion
Vannevar Labs
Rebellion Defense
Applied Intuition
Hermeus
Red Cat
Teal Drones
BlueHalo
Firestorm Labs
Govini
Hidden Level
Dedrone
Fortem Technologies
# Defence and aerospace: Europe
BAE Systems
BAE Systems Hägglunds
Airbus Defence and Space
Airbus Helicopters
Airbus Group
Eurofighter
Eurocopter
NHIndustries
MBDA
MBDA France
MBDA Italia
MBDA UK
Thales Group
Thales UK
Thales Nederland
Thales Alenia Space
Thales Research & Technology
Safran Electronics & Defense
Safran Aircraft Engines
Safran Helicopter Engines
Dassault Aviation
Dassault Systèmes
Naval Group
KNDS France
KNDS Deutschland
Nexter Systems
Arquus
Eurenco
Eurosam
Chantiers de l'Atlantique
Chantiers de l’Atlantique
CNIM
Piriou
Bertin Technologies
ECA Group
Exail
Lacroix Defense
Rafaut
Daher
Latécoère
Figeac Aéro
Turgis Gaillard
Aresia
Delair
Survey Copter
Novadem
Elistair
Shark Robotics
Nexeya
Hemeria
Sofradir
Lynred
Photonis
Exosens
Kalray
SiPearl
Prophesee
Rolls-Royce
QinetiQ
Babcock International
Serco
Chemring
Ultra Electronics
Cobham
Meggitt
Marshall Land Systems
Leonardo DRS
Leonardo UK
Fincantieri
Iveco Defence Vehicles
Elettronica
Avio
Telespazio
Beretta
Rheinmetall
Krauss-Maffei Wegmann
KMW
ThyssenKrupp Marine Systems
TKMS
Lürssen
Hensoldt
Diehl Defence
Renk
Heckler & Koch
OHB
Isar Aerospace
Rocket Factory Augsburg
ARX Robotics
Quantum Systems
Helsing
Saab
Saab Kockums
Kongsberg
Kongsberg Gruppen
Kongsberg Defence & Aerospace
Nammo
Patria
Milrem Robotics
Navantia
Indra
Indra Sistemas
Escribano
GDELS
Damen
Damen Shipyards
Fokker
FN Herstal
John Cockerill
Sabca
PGZ
Polska Grupa Zbrojeniowa
Huta Stalowa Wola
WB Group
WB Electronics
Czechoslovak Group
Colt CZ
Excalibur Army
Ukroboronprom
Ukrainian Defense Industry
Antonov
Motor Sich
# Defence and aerospace: rest of the world
Elbit Systems
Israel Aerospace Industries
IAI
Rafael Advanced Defense Systems
Aselsan
Roketsan
Baykar
Turkish Aerospace
TUSAS
Havelsan
Otokar
FNSS
Nurol Makina
EDGE Group
Hanwha Aerospace
Hanwha Ocean
Hanwha Systems
Hyundai Heavy Industries
HD Hyundai
LIG Nex1
Korea Aerospace Industries
KAI
Mitsubishi Heavy Industries
Mitsubishi Electric
Kawasaki Heavy Industries
Bharat Electronics
Bharat Dynamics
Hindustan Aeronautics
Larsen & Toubro
Tata Advanced Systems
DRDO
Austal
Electro Optic Systems
ST Engineering
Embraer
Denel
Rostec
Almaz-Antey
United Aircraft Corporation
Tactical Missiles Corporation
NPO Mashinostroyeniya
Kalashnikov Concern
Uralvagonzavod
Rosoboronexport
NORINCO
AVIC
CASC
CASIC
CETC
COMAC
CSSC
China State Shipbuilding Corporation
China Aerospace Science and Technology Corporation
China Electronics Technology Group
# Technology and AI
Google
Alphabet
Microsoft
Amazon Web Services
AWS
Apple
Meta
Nvidia
NVIDIA
Intel
AMD
IBM
Oracle
Cisco
Qualcomm
Broadcom
Micron
Texas Instruments
Dell Technologies
Hewlett Packard Enterprise
HPE
ASML
Infineon
STMicroelectronics
NXP
Arm Holdings
TSMC
Samsung
Samsung Electronics
SK Hynix
OpenAI
Anthropic
DeepMind
Google DeepMind
xAI
Mistral AI
Cohere
Perplexity
Inflection AI
Databricks
Snowflake
Hugging Face
Stability AI
Aleph Alpha
Scale AI
SenseTime
iFlytek
Megvii
SMIC
Huawei
ZTE
Hikvision
DJI
Tencent
Alibaba
Baidu
ByteDance
Salesforce
SAP
Siemens
Ericsson
Nokia
Capgemini
Sopra Steria
Atos
Eviden
Orange Cyberdefense
Thales Cyber
Airbus CyberSecurity
Kaspersky
CrowdStrike
Palo Alto Networks
Fortinet
Mandiant
Darktrace
SentinelOne
Check Point
SpaceX
Starlink
Blue Origin
Rocket Lab
Relativity Space
Firefly Aerospace
Sierra Space
Axiom Space
Planet Labs
BlackSky
Capella Space
HawkEye 360
Spire Global
Maxar
Maxar Technologies
Iridium
Viasat
Inmarsat
SES
Telesat
Eutelsat
OneWeb
Arianespace
ArianeGroup
The Exploration Company
Exotrail
Unseenlabs
Preligens
Comand AI
Harmattan AI
Pasqal
Quandela
Alice & Bob
IonQ
Rigetti
Quantinuum
PsiQuantum
D-Wave
IQM
Xanadu
# News organisations and agencies
Reuters
Thomson Reuters
Agence France-Presse
AFP
Associated Press
AP
Bloomberg
Bloomberg News
UPI
United Press International
Deutsche Presse-Agentur
dpa
Belga
ANSA
EFE
Europa Press
PAP
Kyodo
Kyodo News
Yonhap
Xinhua
TASS
RIA Novosti
Interfax
Ukrinform
Anadolu Agency
Press Trust of India
Agence Europe
Financial Times
The Financial Times
The Times
The Sunday Times
The Guardian
The Observer
The Telegraph
The Daily Telegraph
The Independent
Daily Mail
BBC
BBC News
Sky News
ITV News
Channel 4 News
The Economist
New York Times
The New York Times
Washington Post
The Washington Post
Wall Street Journal
The Wall Street Journal
USA Today
Los Angeles Times
Chicago Tribune
The Boston Globe
Newsweek
The Atlantic
The New Yorker
Foreign Policy
Foreign Affairs
Politico
Politico Europe
Axios
The Hill
CNN
CNBC
Fox News
MSNBC
ABC News
CBS News
NBC News
NPR
PBS
Al Jazeera
Deutsche Welle
Euronews
Euractiv
EUobserver
Der Spiegel
Die Welt
Die Zeit
Süddeutsche Zeitung
Frankfurter Allgemeine Zeitung
Handelsblatt
El País
El Mundo
La Repubblica
Corriere della Sera
NHK
Nikkei
Nikkei Asia
South China Morning Post
Global Times
China Daily
Haaretz
The Times of Israel
The Jerusalem Post
Kyiv Independent
The Kyiv Independent
Ukrainska Pravda
CBC
CBC News
Radio-Canada
Le Devoir
Le Soir
La Libre Belgique
RTBF
Le Temps
RTS
Defense News
Breaking Defense
Defense One
DefenseScoop
C4ISRNET
Military.com
Stars and Stripes
Task & Purpose
The War Zone
The Drive
Janes
Jane's
Army Technology
Naval Technology
Airforce Technology
Naval News
Defence24
Shephard Media
Shephard
FlightGlobal
Flight International
Aviation Week
SpaceNews
Space.com
Ars Technica
The Verge
Wired
TechCrunch
The Register
Engadget
VentureBeat
MIT Technology Review
New Scientist
Le Monde
Le Figaro
Libération
Les Echos
Les Échos
La Croix
L'Humanité
L’Humanité
Le Parisien
Aujourd'hui en France
Ouest-France
Sud Ouest
La Dépêche du Midi
Le Télégramme
La Voix du Nord
Le Progrès
Nice-Matin
La Provence
20 Minutes
Le Journal du dimanche
Le JDD
L'Obs
L’Obs
Le Nouvel Obs
Le Canard enchaîné
Le Point
L'Express
L’Express
Marianne
Valeurs actuelles
La Tribune
L'Usine Nouvelle
L’Usine Nouvelle
Usine Nouvelle
Numerama
Clubic
01net
Frandroid
ZDNet
Le Monde informatique
Air & Cosmos
Air et Cosmos
Zone Militaire
Opex360
Mer et Marine
Meta-Defense
Le Journal de l'aviation
Le Journal de l’aviation
Radio France
France Inter
France Culture
franceinfo
France Info
France Télévisions
France 24
RFI
Radio France Internationale
TF1
LCI
BFMTV
BFM Business
Europe 1
RTL
Arte
Mediapart
# Space agencies
NASA
ESA
European Space Agency
Agence spatiale européenne
CNES
Centre national d'études spatiales
Centre national d’études spatiales
DLR
ASI
Agenzia Spaziale Italiana
UK Space Agency
UKSA
Canadian Space Agency
JAXA
ISRO
CNSA
Roscosmos
EUMETSAT
Eumetsat
EUSPA
Space Development Agency
US Space Force
U.S. Space Force
Space Force
US Space Command
U.S. Space Command
UK Space Command
Commandement de l'espace
Commandement de l’espace
# Ministries, armed services and agencies
Pentagon
US Department of Defense
U.S. Department of Defense
Department of Defense
Ministry of Defence
UK Ministry of Defence
Home Office
Foreign Office
FCDO
State Department
US Army
U.S. Army
US Navy
U.S. Navy
US Air Force
U.S. Air Force
USAF
US Marine Corps
U.S. Marine Corps
USMC
US Coast Guard
National Guard
Army Futures Command
DARPA
DIU
Defense Innovation Unit
DIUx
AFRL
Air Force Research Laboratory
ONR
Office of Naval Research
Army Research Laboratory
Naval Research Laboratory
Missile Defense Agency
DISA
Defense Logistics Agency
NGA
NRO
NSA
CIA
FBI
DHS
CISA
Department of Energy
NIST
National Science Foundation
IARPA
SOCOM
USSOCOM
CYBERCOM
NORAD
INDOPACOM
EUCOM
AFRICOM
CENTCOM
AFWERX
SOFWERX
NavalX
Office of Strategic Capital
CDAO
Royal Navy
British Army
Royal Air Force
RAF
Royal Marines
GCHQ
MI5
MI6
NCSC
National Cyber Security Centre
UK Strategic Command
Dstl
Defence Science and Technology Laboratory
DE&S
Defence Equipment and Support
DASA
Defence and Security Accelerator
UKRI
Canadian Armed Forces
Department of National Defence
DRDC
Defence Research and Development Canada
Australian Defence Force
DSTG
Defence Science and Technology Group
ASCA
Israel Defense Forces
IDF
Tsahal
Mossad
Shin Bet
Armed Forces of Ukraine
SBU
GUR
Brave1
Bundeswehr
Luftwaffe
Bundesmarine
BMVg
BAAINBw
Bundesnachrichtendienst
BND
SPRIND
SprinD
Cyberagentur
Cyber Innovation Hub
Esercito Italiano
Marina Militare
Aeronautica Militare
Ejército de Tierra
Polish Armament Agency
FMV
Swedish Defence Materiel Administration
Försvarsmakten
FOI
Forsvaret
FFI
Norwegian Defence Research Establishment
TNO
Japan Self-Defense Forces
JSDF
ATLA
People's Liberation Army
People’s Liberation Army
PLA
PLA Navy
Armée de terre
armée de Terre
Armée de l'air et de l'espace
Armée de l’air et de l’espace
armée de l'Air et de l'Espace
armée de l’Air et de l’Espace
Marine nationale
Gendarmerie nationale
Police nationale
Service de santé des armées
ministère des Armées
Ministère des Armées
ministère de la Défense
Ministère de la Défense
ministère de l'Intérieur
ministère de l’Intérieur
Quai d'Orsay
Quai d’Orsay
État-major des armées
état-major des armées
DGA
DGA Maîtrise de l'information
DGA Maîtrise de l’information
DGRIS
DRM
DRSD
DGSE
DGSI
ANSSI
SGDSN
Viginum
COMCYBER
ComCyber
AMIAD
IRSEM
IHEDN
Bpifrance
Commissariat à l'énergie atomique
Commissariat à l’énergie atomique
Commissariat à l'énergie atomique et aux énergies alternatives
Commissariat à l’énergie atomique et aux énergies alternatives
CEA
CNRS
Centre national de la recherche scientifique
Inria
INRIA
ONERA
Onera
Météo-France
Cour des comptes
Assemblée nationale
Conseil d'État
Conseil d’État
GICAT
GIFAS
GICAN
CIDEF
Pôle Mer Bretagne Atlantique
Aerospace Valley
# EU and NATO bodies
NATO
OTAN
European Union
Union européenne
European Commission
Commission européenne
European Parliament
Parlement européen
European Council
Conseil européen
Council of the European Union
European Defence Agency
Agence européenne de défense
EDA
European Defence Fund
Fonds européen de la défense
European Investment Bank
EIB
BEI
EEAS
European External Action Service
SEAE
DG DEFIS
DEFIS
HaDEA
European Innovation Council
EIC
Frontex
Europol
Eurojust
ENISA
SatCen
Eurocontrol
OCCAR
Hybrid CoE
NATO Innovation Fund
DIANA
NCIA
NATO Communications and Information Agency
NSPA
NATO Support and Procurement Agency
NATO Science and Technology Organization
CMRE
NATO Defense College
Collège de défense de l'OTAN
CCDCOE
SHAPE
Allied Command Transformation
Allied Command Operations
Commandement allié Transformation
MARCOM
AIRCOM
LANDCOM
Allied Air Command
Allied Maritime Command
Allied Land Command
JFC Brunssum
JFC Naples
United Nations
Nations unies
OSCE
IAEA
AIEA
OECD
OCDE
World Bank
Banque mondiale
IMF
FMI
# Universities and research organisations
MIT
Massachusetts Institute of Technology
MIT Lincoln Laboratory
Lincoln Laboratory
Stanford
Stanford University
Harvard
Harvard University
Caltech
Carnegie Mellon University
Carnegie Mellon
Princeton
Princeton University
Yale
Yale University
Columbia University
UC Berkeley
Georgia Tech
Johns Hopkins University
Johns Hopkins Applied Physics Laboratory
JHU APL
Purdue University
Sandia National Laboratories
Los Alamos National Laboratory
Lawrence Livermore National Laboratory
Oak Ridge National Laboratory
Argonne National Laboratory
Idaho National Laboratory
SRI International
Battelle
RAND
RAND Corporation
MITRE
Aerospace Corporation
Bell Labs
Imperial College London
Imperial College
UCL
University College London
King's College London
King’s College London
University of Oxford
University of Cambridge
Oxford University
Cambridge University
ETH Zurich
EPFL
TU Delft
Delft University of Technology
TU Munich
Technical University of Munich
KU Leuven
Fraunhofer
Fraunhofer Society
Max Planck Society
Max Planck Institute
Helmholtz
KAIST
Tsinghua University
Peking University
University of Tokyo
Technion
Weizmann Institute
Sorbonne
Sorbonne Université
Université Paris-Saclay
Paris-Saclay
Université PSL
PSL
École polytechnique
Ecole polytechnique
Polytechnique
Institut Polytechnique de Paris
IP Paris
CentraleSupélec
Mines Paris
Télécom Paris
ENSTA Paris
ENSTA Bretagne
ISAE-SUPAERO
IMT Atlantique
Grenoble INP
INSA Lyon
Sciences Po
HEC Paris
ESSEC
École normale supérieure
Saint-Cyr
École navale
École de guerre
Institut Pasteur
Inserm
INSERM
INRAE
IFRI
Institut français des relations internationales
IRIS
Fondation pour la recherche stratégique
Brookings
Brookings Institution
CSIS
Center for Strategic and International Studies
IISS
International Institute for Strategic Studies
RUSI
Royal United Services Institute
SIPRI
Chatham House
Atlantic Council
CNAS
Center for a New American Security
Hudson Institute
Heritage Foundation
CSET
Center for Security and Emerging Technology
ECFR
European Council on Foreign Relations
# Venture funds and accelerators of defence and deep tech
In-Q-Tel
Andreessen Horowitz
a16z
Sequoia Capital
Founders Fund
General Catalyst
Lux Capital
8VC
Shield Capital
Kleiner Perkins
Accel
Index Ventures
Balderton Capital
Lakestar
Plural
Atomico
Northzone
Creandum
Eurazeo
Tikehau Capital
Definvest
Earlybird
HV Capital
Cherry Ventures
Paladin Capital
Harpoon Ventures
Razor's Edge Ventures
Lightspeed Venture Partners
Insight Partners
SoftBank
SoftBank Vision Fund
Tiger Global
Thrive Capital
Khosla Ventures
Y Combinator
Techstars
Seraphim Space
Seraphim Capital
Space Capital
America's Frontier Fund
Expeditions Fund
Expeditions
Join Capital
Vsquared Ventures
"""

KNOWN = frozenset(
    line.strip() for line in _NAMES.splitlines() if line.strip() and not line.lstrip().startswith("#")
)
_CONNECTORS = frozenset("of for and & de du des la le les l d à aux et the en".split())
# Names a chain of capitalised words cannot cover whole: they hold a lower-case word that is no connector.
_LOWER = sorted((n for n in KNOWN if any(w[0].islower() and w not in _CONNECTORS for w in n.split())), key=len)
_LOWER.reverse()
_LOWER_NAMES = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in _LOWER) + r")(?![\w-])")


def gazetteer_spans(text: str) -> Iterator[tuple[str, int]]:
    """The known names with lower-case words in ``text`` ("Commissariat à l'énergie atomique", "Marine
    nationale"), each as (words, start), longest first at a place."""
    for m in _LOWER_NAMES.finditer(text):
        yield m.group(0), m.start()
