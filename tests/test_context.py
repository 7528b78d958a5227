"""What a figure is about, read in a whole sentence: its place and its measure."""
from __future__ import annotations

import pytest

from kg.claims import extract_claims
from kg.compare import compare_claims
from kg.entities import load_entities
from kg.model import Document

ENTITIES = load_entities()


def _claims(text: str, lang: str = "id") -> dict:
    doc = Document(doc="t.txt", path="t.txt", text=text, language=lang, published="2025-07-08")
    return {c.quantity.text: c for c in extract_claims(doc, ENTITIES)}


@pytest.mark.parametrize("text, figure, place", [
    # where the speaker spoke is not where the figure applies
    ("Sebanyak 97 WNI telah dievakuasi, kata juru bicara Kemlu di Jakarta.", "97", None),
    ("Ada 18 penerbangan dibatalkan hari ini, kata Yudhistira di Jakarta, Selasa.", "18", None),
    # but a place after a figure that follows the speaker is the figure's own
    ("Secara keseluruhan, kata Yudhistira, 6 bandara di NTT terdampak dan 71 penerbangan dibatalkan.",
     "71", "Nusa Tenggara Timur"),
    ("Menurut Rudi, 40 rumah di Sumatera Barat terendam banjir.", "40", "Sumatera Barat"),
    # a place after what happened, not after the verb of saying, is the figure's own
    ("Otoritas Israel menyebut jumlah korban tewas di Israel akibat serangan rudal Iran mencapai 24 orang.",
     "24", "Israel"),
    # a regency of ontology/places.ttl, by its bare name or with "Kabupaten"
    ("Sebelas korban meninggal di Agam, kata Aditya.", "Sebelas", "Kabupaten Agam"),
    ("Sebanyak 412 rumah di Kabupaten Padang Pariaman terendam.", "412", "Kabupaten Padang Pariaman"),
    # a regional body counts its region; a country's officials speak of more than their country
    ("Dinas Kesehatan Kota Pekanbaru mencatat 2.310 kasus ISPA sepanjang Juli.", "2.310", "Pekanbaru"),
    ("Para pejabat AS percaya ISIS masih memiliki 2.000 anggota.", "2.000", None),
    ("Juru bicara SDF Mustafa Bali mengatakan ratusan militan ditangkap.", "ratusan", None),
    # a figure whose clause spans several places is in none of those named before it
    ("BNPB mencatat 290 korban meninggal di Sumut dari total 712 korban meninggal di tiga provinsi.", "712", None),
    ("BNPB mencatat 290 korban meninggal di Sumut dari total 712 korban meninggal di tiga provinsi.", "290", "Sumatera Utara"),
    # an unknown place and a comma may stand between the locative word and a known place
    ("BPBD NTB mencatat banjir juga merendam 340 rumah di Kecamatan Hu'u, Kabupaten Dompu.", "340", "Kabupaten Dompu"),
    ("Sebanyak 28 orang tewas di Iran oleh serangan Israel.", "28", "Iran"),
])
def test_place_of_a_figure(text, figure, place):
    assert _claims(text)[figure].place == place


@pytest.mark.parametrize("text, figure, place", [
    ('"Of the dead, 86 were in the province of Rieti," she told a news conference in Rome.', "86", "Province of Rieti"),
    ("The agency said 201 people had died in L'Aquila.", "201", "L'Aquila"),
    ("Officials told reporters in Port-au-Prince that 336 people had died.", "336", None),
    ("Officials said those killed in Haiti numbered 336.", "336", "Haiti"),
])
def test_place_of_a_figure_en(text, figure, place):
    assert _claims(text, "en")[figure].place == place



@pytest.mark.parametrize("text, figure, measure", [
    # an intransitive verb with the object prefix ("meninggal") does not take the next figure
    ('"Sebanyak 104 selamat, 14 meninggal dunia, dan 49 masih dalam pencarian," kata Arif.', "49", "people missing"),
    ("Korban meninggal dunia sebanyak 10 orang.", "10", "victims killed"),
    # a bare head count beside a figure of what happened counts what happened to that one
    ("Sebanyak 12 orang tewas, 8 orang di Agam dan 4 orang di Pasaman.", "4", "people killed"),
    # a verb cut off by a coordinator or a comma does not take the next figure as its object
    ("Ledakan itu menewaskan 31 orang dan 270 orang luka-luka, kata Kapolda.", "270", "people wounded"),
    # a figure of places in a phrase of where ("di tiga provinsi") leaves the words before it to
    # the figure after it: what happened, and the noun a general class word gives way to
    ("BPBD mencatat korban meninggal akibat gempa di empat kabupaten mencapai 215 orang.", "215", "victims killed"),
    ("Jumlah pengungsi di 12 kecamatan sebanyak 8.450 jiwa, kata Rahmat.", "8.450", "people displaced"),
    # what was added to a running count is not the count
    ("Dalam sehari korban meninggal bertambah 57 orang.", "57", "victims killed (increase)"),
    ("Polisi kembali menetapkan tiga orang tersangka baru.", "tiga", "suspects (increase)"),
    ("Polda menetapkan empat tersangka, sehingga total tersangka menjadi 11 orang.", "empat", "suspects (increase)"),
    ("Polda menetapkan empat tersangka, sehingga total tersangka menjadi 11 orang.", "11", "suspects"),
    ("Korban luka bertambah menjadi 96 orang.", "96", "victims wounded"),
])
def test_measure_of_a_bare_figure(text, figure, measure):
    assert _claims(text)[figure].measure == measure


@pytest.mark.parametrize("text, figure, measure", [
    ("Thirty-one people had been killed and 270 injured, the health minister said.", "270", "people wounded"),
    ("At least 31 were killed, 270 injured.", "270", "people wounded"),
    # two verbs coordinated before one figure: the nearer one takes it
    ("The blast killed and injured 270 people.", "270", "people wounded"),
    ("The blast killed 31 people and injured 270.", "31", "people killed"),
    # a figure in quotation marks keeps the verb after the closing mark
    ('A post claimed that "at least 134 people" had died and "more than 600" were wounded.', "134", "people killed"),
    ('A post claimed that "at least 134 people" had died and "more than 600" were wounded.', "600", "people wounded"),
    # what was added to a running count is not the count
    ("Divers recovered three more bodies on Sunday.", "three", "people killed (increase)"),
    ("Crews found two bodies in a burned cabin, bringing the death toll to 11.", "two", "people killed (increase)"),
    ("Crews found two bodies in a burned cabin, bringing the death toll to 11.", "11", "people killed"),
    ("The toll rose by 12 to 57.", "12", "people killed (increase)"),
    ("At least 57 were killed and another 240 injured.", "240", "people wounded"),
    # "the number of <noun>" heads its clause over the verbs and phrases inside it
    ("The number of people killed in the floods that swept through the county on Friday rose to 23 on Sunday.",
     "23", "people killed"),
])
def test_which_verb_takes_a_figure(text, figure, measure):
    assert _claims(text, "en")[figure].measure == measure


@pytest.mark.parametrize("text, lang, figure, measure, part", [
    # a sentence that opens with a whole makes its later figures parts of it (English victims
    # are the dead)
    ("Of the 32 victims, 17 were Belgian and 15 were foreign nationals, the crisis centre said.", "en", "17", "people killed", True),
    # a bare part counts its whole's noun; the action after the next clause's figure is not its own
    ('"Dari 247 siswa, 208 sudah pulang dan 39 masih dirawat," katanya.', "id", "39", "students hospitalised", True),
    ('"Dari 247 siswa, 208 sudah pulang dan 39 masih dirawat," katanya.', "id", "208", "students", True),
    # the whole may be a number word
    ("Dari sebelas tersangka itu, enam orang merupakan pejabat dinas.", "id", "enam", "suspects", True),
    # a part counted only in units counts what its whole counts
    ("Rumah rusak akibat longsor kini tercatat 52 unit, terdiri atas 19 rusak berat dan 33 rusak ringan.", "id", "19", "houses damaged", True),
    # a share of the dead that the sentence names counts those people; a count of another
    # action after it is no further part
    ("Officials said 72 people had been killed. At least 30 of the dead were children, and 341 people were wounded.", "en", "30", "children killed", True),
    ("Officials said 72 people had been killed. At least 30 of the dead were children, and 341 people were wounded.", "en", "341", "people wounded", False),
    ("Nineteen of the dead were foreign nationals, a Turkish official said.", "en", "Nineteen", "citizens killed", True),
    # a share of those to whom something happened, named at the head of the sentence
    ("Of the missing, 96 are from Aranayake, DMC officials said.", "en", "96", "people missing", True),
    ("Of the injured, 38 were shifted to the Combined Military Hospital.", "en", "38", "people wounded", True),
    ("Doctors at the hospital said 36 of the injured were critical.", "en", "36", "people critical", True),
    # "three of the 13 suspects", "of whom 109": a figure of a share of another figure
    ("Police said three of the 13 suspects were foreigners.", "en", "three", "suspects", True),
    ("The office said 239 people had been wounded, of whom 109 were still in hospital.", "en", "109", "people hospitalised", True),
    ("The office said 239 people had been wounded, of whom 109 were still in hospital.", "en", "239", "people wounded", False),
    # the whole a part names is not what happened to the part; the parts after it are
    ("The bus crash killed 12 of the 40 people on board, including two of the 4 crew members and nine pupils.", "en", "40", "people", False),
    ("The bus crash killed 12 of the 40 people on board, including two of the 4 crew members and nine pupils.", "en", "two", "crew killed", True),
    ("The bus crash killed 12 of the 40 people on board, including two of the 4 crew members and nine pupils.", "en", "nine", "students killed", True),
    # a breakdown word followed by a comma, and every later item of its list
    ("Rinciannya, 1.240 jiwa mengungsi di Kecamatan Pronojiwo dan 877 jiwa di Kecamatan Candipuro.", "id", "1.240", "people displaced", True),
    ("Rinciannya, 1.240 jiwa mengungsi di Kecamatan Pronojiwo dan 877 jiwa di Kecamatan Candipuro.", "id", "877", "people displaced", True),
    ("Kepala Dinkes merinci, 19 pasien dirawat di RSUP M Djamil, 10 pasien di RS Semen Padang, dan empat pasien di RSUD dr Rasidin.", "id", "empat", "people hospitalised", True),
    ("Officials said 46 people were injured, including 12 firefighters, 30 residents and four police officers.", "en", "four", "police officers wounded", True),
    # a figure after a list's clause ends is not an item of it
    ("Kepala Dinkes merinci, 19 pasien dirawat di RSUP M Djamil; 40 warga lain mengungsi.", "id", "40", "residents displaced", False),
    # a sentence that refers back to an earlier figure holds its whole: "angka itu termasuk ..."
    ("Ilham mengatakan angka itu termasuk dua warga yang meninggal setelah dirawat di puskesmas.", "id", "dua", "residents killed", True),
    ("The toll includes 12 people who died in hospital, officials said.", "en", "12", "people killed", True),
    # "dari total", "out of": the figure after it is the whole of the one before, a part
    ("BNPB mencatat 290 korban meninggal di Sumut dari total 712 korban meninggal di tiga provinsi.", "id", "290", "victims killed", True),
    ("BNPB mencatat 290 korban meninggal di Sumut dari total 712 korban meninggal di tiga provinsi.", "id", "712", "victims killed", False),
    ("Police said 12 people died in the old town out of 86 killed in all.", "en", "12", "people killed", True),
    # but "dari" inside a clause links two figures of one count
    ("Sebanyak 1.236 jiwa dari 358 kepala keluarga terpaksa mengungsi.", "id", "1.236", "people displaced", False),
])
def test_parts_of_a_whole(text, lang, figure, measure, part):
    claim = _claims(text, lang)[figure]
    assert (claim.measure, claim.is_part) == (measure, part)


def test_bodies_recovered_are_people_killed():
    text = "Rescuers had already recovered more than 200 bodies in the town, the mayor said."
    assert _claims(text, "en")["200"].measure == "people killed"


def test_measure_of_a_bare_figure_en():
    text = '"Of the dead, 86 were in the province of Rieti and 34 in the province of Ascoli Piceno," she said.'
    assert _claims(text, "en")["34"].measure == "people killed"


@pytest.mark.parametrize("text, lang, figure, measure", [
    ("Rata-rata 1.500 kendaraan menyeberang setiap hari melalui lintasan tersebut.", "id", "1.500", "vehicles per time"),
    ("Kapal itu mengangkut 22 kendaraan.", "id", "22", "vehicles"),
    # a rate word far from the figure describes something else ("diperbarui setiap hari")
    ("Kemlu menyatakan data 386 WNI merupakan hasil lapor diri yang diperbarui setiap hari.", "id", "386", "citizens"),
    ("An average of 1,500 vehicles cross the strait each day.", "en", "1,500", "vehicles per time"),
])
def test_a_rate_is_not_a_total(text, lang, figure, measure):
    assert _claims(text, lang)[figure].measure == measure


QUAKE = ("A magnitude 6.1 aftershock struck on Wednesday. The institute, which has recorded more than 400 "
         "aftershocks, measured the main quake at 7.4 but has since revised its reading to 7.8.")


@pytest.mark.parametrize("text, figure, unit, measure", [
    # a length counts a distance
    ("He drove the truck for 1.7 kilometres along the promenade.", "1.7", "km", "distance"),
    # a fractional figure referring back skips counts of things for a measure
    (QUAKE, "7.8", "magnitude", "magnitude"),
    (QUAKE, "400", "count", "aftershocks"),
    # no figure refers back to a length
    ("The quake struck at a depth of 19 km. The institute measured it at 7.4.", "7.4", "count", None),
    # "there were" with no noun of its own counts what the figure before it counted
    ("The minister said 60 police officers were on duty. The mayor says there were no more than 40.",
     "40", "person", "police officers"),
    # an agency's estimate of a magnitude named in the clause before it
    ("The agency raised the magnitude of the quake to 7.8, after its initial estimate of 7.5.", "7.5", "magnitude", "magnitude"),
    # "a reading of" refers back to the measurement before it
    ("The survey put the quake at magnitude 5.9, revising down a first reading of 6.2.", "6.2", "magnitude", "magnitude"),
    # "revising it to", "which the USGS measured at": the measurement again
    ("The agency put the quake at magnitude 7.1 before revising it to 7.3.", "7.3", "magnitude", "magnitude"),
    ("The agency said the magnitude-6.5 quake, which the USGS measured at 6.2, had been a foreshock.", "6.2", "magnitude", "magnitude"),
    # a number word that ends its phrase refers back as a figure would
    ("Mudslides killed 11 people in the valley. Officials had put the toll at five on Sunday.", "five", "person", "people killed"),
    ("The wildfire has destroyed 214 homes. The tally rose from nine on Friday.", "nine", "count", "houses destroyed"),
])
def test_unit_of_a_figure_that_refers_back(text, figure, unit, measure):
    claim = _claims(text, "en")[figure]
    assert (claim.quantity.unit, claim.measure) == (unit, measure)


@pytest.mark.parametrize("text, lang, word", [
    # a number word followed by what it counts or by a multiplier counts no earlier figure
    ("The toll from two powerful earthquakes rose to 41 on Saturday.", "en", "two"),
    ("The figure for the town is lower than the one given by its mayor, who said 300 died.", "en", "one"),
    ('Jumlah kasus ISPA mencapai 1.372, angka itu naik hampir dua kali lipat dari pekan lalu.', "id", "dua"),
])
def test_a_number_word_that_names_its_own_thing_is_no_figure(text, lang, word):
    assert word not in _claims(text, lang)


@pytest.mark.parametrize("text, figure, measure", [
    # the perfect "had been treated" counts everyone treated: the injured
    ("The minister said 303 people had been treated since the attack.", "303", "people wounded"),
    # "still being treated" counts those in hospital now
    ("Of those, 72 were still being treated in hospital.", "72", "people hospitalised"),
])
def test_treated_is_injured_being_treated_is_in_hospital(text, figure, measure):
    assert _claims(text, "en")[figure].measure == measure


@pytest.mark.parametrize("text, lang, figure, measure", [
    # those still searched for are missing
    ("Tim SAR gabungan masih mencari tiga orang di sekitar jembatan.", "id", "tiga", "people missing"),
    ("Rescuers were still searching for 12 people on Sunday.", "en", "12", "people missing"),
    # "yang kami periksa": the witnesses the investigators questioned
    ("Sudah 112 saksi yang kami periksa dalam perkara ini.", "id", "112", "witnesses questioned"),
    # headlines drop the prefix of an active verb ("menewaskan") and the ending of an English one
    ("Longsor di Cilacap Tewaskan 12 Orang", "id", "12", "people killed"),
    ("Gunmen kill 23 at wedding party in northern Nigeria", "en", "23", "people killed"),
    # bridges cut by a flood, those who live in the shelters
    ("Banjir bandang membuat 14 jembatan putus di Kabupaten Garut.", "id", "14", "bridges damaged"),
    ("Hingga kini sekitar 2.300 warga tinggal di pengungsian.", "id", "2.300", "residents displaced"),
    # those taken to hospital, those ordered out
    ("At least 31 people were taken to area hospitals, the sheriff said.", "en", "31", "people hospitalised"),
    ("About 9,000 residents were ordered out of the valley on Sunday.", "en", "9,000", "residents evacuated"),
    # survivors are those who came out alive, as "selamat": rescued
    ("The bus plunged into a ravine, leaving 14 survivors, police said.", "en", "14", "people rescued"),
    # land opened is land cleared; a desk or a hotline opened clears nothing
    ("Perusahaan itu membuka lahan seluas 5 hektare tanpa izin.", "id", "5", "area cleared"),
    ("Sekitar 40 hektare lahan dibuka untuk tambang.", "id", "40", "area cleared"),
    ("YLKI membuka posko dan menerima 112 pengaduan konsumen.", "id", "112", "reports"),
    # those in shelters, evacuees, and those who left their homes are displaced
    ("Jumlah pengungsi erupsi Gunung Semeru di Kabupaten Lumajang, Jawa Timur, berkurang menjadi 1.890 jiwa pada Senin.", "id", "1.890", "people displaced"),
    ("Bupati menyebut jumlah warga yang meninggalkan rumah lebih dari 2.700 orang.", "id", "2.700", "people displaced"),
    ("Some 91,000 people had taken shelter in Kumamoto Prefecture, the prefectural government said.", "en", "91,000", "people displaced"),
    ("About 110,000 people remained in evacuation centres in Kumamoto prefecture on Wednesday.", "en", "110,000", "people displaced"),
    # patients are people in hospital, with or without a verb that says so
    ("Ada 26 pasien di RSUD Maria Walanda Maramis, kata Kepala Dinas Kesehatan.", "id", "26", "people hospitalised"),
    ("The hospital said it had 40 patients from the crash.", "en", "40", "people hospitalised"),
    ("Only three people survived the crash.", "en", "three", "people rescued"),
    # those in evacuation centres are displaced, those buried in the rubble missing, those
    # pulled out alive rescued, with or without a preposition or a figure between
    ("Some 12,000 residents spent Monday night at 85 evacuation centres, the prefecture said.", "en", "12,000", "residents displaced"),
    ("At least 40 people are believed to be buried in the rubble of the hotel.", "en", "40", "people missing"),
    ("Firefighters pulled 37 people alive from the rubble overnight.", "en", "37", "people rescued"),
    ("Sebanyak 640 warga masih tinggal di posko pengungsian di balai desa.", "id", "640", "residents displaced"),
    # a head noun with its action opens a long clause whose figure has no verb of its own
    ("Korban meninggal dunia dalam kecelakaan bus pariwisata yang masuk jurang di tanjakan Sitinjau Lauik, Kota Padang, Sumatera Barat, bertambah menjadi delapan orang.", "id", "delapan", "people killed"),
    ("Jumlah korban meninggal akibat banjir bandang yang menerjang Desa Sukamaju, Kecamatan Cibadak, Kabupaten Sukabumi, Jawa Barat, pada Selasa dini hari bertambah menjadi 11 orang.", "id", "11", "people killed"),
    ("Jumlah korban luka akibat ledakan di Kecamatan Kelapa Gading, Jakarta Utara, kini mencapai 96 orang, sementara 20 orang sudah pulang.", "id", "96", "people wounded"),
    # a headline list: each figure takes the word after it, not the noun of the figure before
    ("Louisiana flooding: 5 dead, more than 20,000 rescued", "en", "20,000", "people rescued"),
    ("Banjir bandang Sukabumi: 11 tewas, 1.200 warga mengungsi", "id", "11", "people killed"),
    # two figures joined by "and" share the verb after the second; a thousands comma ends no clause
    ("More than 30,000 people and 1,400 pets have been rescued since the rain began.", "en", "30,000", "people rescued"),
    ("More than 30,000 people and 1,400 pets have been rescued since the rain began.", "en", "1,400", "animals"),
    ("Sebanyak 120 warga dan 45 ekor sapi dievakuasi dari lereng gunung.", "id", "120", "residents evacuated"),
    # a list of figures with only their nouns shares the verb after its last item
    ("According to the BNPB, 10,534 houses, 161 shophouses and 61 mosques were damaged.", "en", "10,534", "houses damaged"),
    ("Sebanyak 120 rumah, 14 sekolah dan tiga masjid rusak akibat gempa.", "id", "120", "houses damaged"),
    # but not a figure that completes a clause about something else, nor one with its own verb
    ("Rumah yang tertimbun bertambah menjadi 19 unit dan 57 rumah rusak.", "id", "19", "houses"),
    ("Sebanyak 208 siswa sudah pulang dan 39 siswa masih dirawat.", "id", "208", "students"),
    # a clause opened by "because" / "karena" holds its own verb
    ("Crews had searched only about 20 percent of the 10,000-square-foot building because the roof had collapsed.", "en", "10,000", "area"),
    ("Tim baru memeriksa 30 persen dari 2.000 meter persegi bangunan karena atapnya runtuh.", "id", "2.000", "area"),
    # an aside opened by "including" / "termasuk" after the figure's noun does not cut off its verb
    ("Five people, including two employees of the fireworks contractor, have been arrested so far, police said.", "en", "Five", "people captured"),
    ("More than 1,000 people, most of them tourists, have now been evacuated from Kaikoura.", "en", "1,000", "people evacuated"),
    ("Lima orang, termasuk dua karyawan kontraktor, telah ditangkap polisi.", "id", "Lima", "people captured"),
    # "the number of missing" counts people; "196,000 shelter" is a verb; an adjective may
    # stand before the noun of a figure or inside an action phrase
    ("However, the village itself put the number of missing at 10.", "en", "10", "people missing"),
    ("About 8,000 people remained in shelters Monday, down from a peak of about 11,000 on Sunday night.", "en", "11,000", "people displaced"),
    ("Nikkei falls 3.4pc as 196,000 shelter from aftershocks", "en", "196,000", "people displaced"),
    ("At least 175,509 people were sheltering in 307 temporary shelters, the agency said.", "en", "307", "shelters"),
    ("The civil protection office said 112,590 people were in temporary shelters across the country.", "en", "112,590", "people displaced"),
    # a length is a quake's depth, a distance from a named point, or a plain distance
    ("The quake struck at a depth of 16.7 kilometers, with its epicenter 27.1 km northeast of Pingtung County.", "en", "16.7", "depth"),
    ("The quake struck at a depth of 16.7 kilometers, with its epicenter 27.1 km northeast of Pingtung County.", "en", "27.1", "distance from pingtung county"),
    ("Kumamoto is about 550 miles (890km) southwest of Tokyo.", "en", "550", "distance from tokyo"),
    ("The plane went down about 10 miles short of the runway.", "en", "10", "distance from runway"),
    ("Of Italy's roughly 16,700km of railways, the busiest routes have been upgraded.", "en", "16,700", "distance"),
    ("Pusat gempa berada 17 km arah barat laut Kota Poso pada kedalaman 10 km.", "id", "17", "distance from kota poso"),
    ("Pusat gempa berada 17 km arah barat laut Kota Poso pada kedalaman 10 km.", "id", "10", "depth"),
    ("Warga dilarang beraktivitas sejauh 20 kilometer dari puncak Semeru.", "id", "20", "distance from puncak"),
    # those who stay in tents after a disaster are displaced
    ("Sekitar 1.500 warga memilih bertahan di tenda dan lapangan terbuka karena takut gempa susulan.", "id", "1.500", "residents displaced"),
    ("About 2,000 residents slept outdoors for a second night, officials said.", "en", "2,000", "residents displaced"),
    # a share of those to whom something happened counts people; the verb after it says more
    ("More than 50 of the injured were in a critical condition, the agency reported.", "en", "50", "people critical"),
    ("Police said 30 of the injured had been discharged by Monday.", "en", "30", "people injured_recovered"),
    # a quake's magnitude inside the head's phrase does not cut the head off; "reached" is no arrival
    ("The agency said Thursday that the toll from Wednesday's magnitude 6.5 quake had reached 102.", "en", "102", "people killed"),
    ("The agency said Thursday that the toll from Wednesday's magnitude 6.5 quake had reached 102.", "en", "6.5", "magnitude"),
    # an aftershock's magnitude is not the main quake's
    ("The magnitude 7.8 quake was followed by a magnitude 6.1 aftershock.", "en", "6.1", "aftershock magnitude"),
    ("The magnitude 7.8 quake was followed by a magnitude 6.1 aftershock.", "en", "7.8", "magnitude"),
    ("Gempa susulan terbesar bermagnitudo 4,9 terjadi setelah gempa utama M5,8.", "id", "4,9", "aftershock magnitude"),
    ("Gempa susulan terbesar bermagnitudo 4,9 terjadi setelah gempa utama M5,8.", "id", "5,8", "magnitude"),
    # a crowd is people, whoever put a number on it; those "we treated" are in care
    ("Police put the crowd at about 30,000.", "en", "30,000", "people"),
    ("Total warga yang kami tangani 63 orang, kata Faisal.", "id", "63", "residents hospitalised"),
    # those who fled to shelters are displaced, not only gone
    ("About 3,000 people had fled to temporary shelters, the district chief said.", "en", "3,000", "people displaced"),
    # "others" opening a sentence counts people when what follows happens only to people
    ("About 200 others were wounded in the blast at the park.", "en", "200", "people wounded"),
    ("Puluhan lainnya luka-luka akibat ledakan itu.", "id", "Puluhan", "people wounded"),
    # stalls, kiosks and shops are one count; a fire burns counted things, not an area
    ("Kebakaran Pasar Cik Puan Pekanbaru, 420 Kios Terbakar dan Kerugian Ditaksir Rp20 Miliar", "id", "420", "stalls burned"),
    ("Kebakaran Pasar Cik Puan Pekanbaru, 420 Kios Terbakar dan Kerugian Ditaksir Rp20 Miliar", "id", "Rp20 Miliar", "losses"),
    ("BPBD mencatat 1.027 hektare lahan terbakar di Riau sejak Januari.", "id", "1.027", "area"),
    ("The agency said 245 houses and 105 shophouses were damaged.", "en", "105", "stalls damaged"),
    ("Lebih dari 400 tenant di Glodok Plaza terdampak kebakaran.", "id", "400", "stalls affected"),
    # body bags are no count of the dead; churches and mosques are counted by name
    ("RS Polri telah menerima 11 kantong jenazah dari lokasi kebakaran.", "id", "11", "body_bags"),
    ("Dua gereja juga dilaporkan rusak akibat gempa.", "id", "Dua", "churches damaged"),
    ("Three churches were damaged by the quake.", "en", "Three", "churches damaged"),
    # millimetres, and inches converted to them, measure rain
    ("The National Weather Service said 21.86 inches of rain had fallen in Watson.", "en", "21.86", "rainfall"),
    ("BMKG mencatat curah hujan 150 mm dalam sehari.", "id", "150", "rainfall"),
    # those in a critical condition are a count of their own; care received is care in hospital
    ("Of the 383 injured, 47 remain in a critical condition, the minister said.", "en", "47", "people critical"),
    ("He said 202 people had been injured, 52 of them critically.", "en", "52", "people critical"),
    ("David melaporkan 390 orang lainnya luka-luka, tujuh di antaranya dalam kondisi kritis.", "id", "tujuh", "people critical"),
    ("Dinas Kesehatan mencatat 437 korban mendapat perawatan di rumah sakit.", "id", "437", "victims hospitalised"),
    ("Sebanyak 24 penambang dinyatakan meninggal dunia.", "id", "24", "workers killed"),
    # explosives recovered by the police are no injured who recovered
    ("The police also recovered more than 2,000 kg of explosives from vehicles.", "en", "2,000", "mass"),
    # a figure after "up from", "naik dari" is the earlier value of the figure before it
    ("Police said 56 people had been injured in Monday's attack, up from the 48 given on Tuesday.", "en", "48", "people wounded"),
    ("About 3,500 people remained in shelters on Friday, down from more than 10,000 on Sunday.", "en", "10,000", "people displaced"),
    ("Korban luka kini 41 orang, naik dari 29 pada Minggu.", "id", "29", "victims wounded"),
    ("Penyidik telah memeriksa 23 saksi, bertambah dari 16 saksi pada akhir pekan lalu.", "id", "16", "witnesses questioned"),
    # those who could not be found are missing
    ("Sembilan orang tidak dapat kami temukan karena tertimbun sangat dalam.", "id", "Sembilan", "people missing"),
    ("Four people could not be found after the blast, police said.", "en", "Four", "people missing"),
    # a flood that soaks houses floods them; a flood "berdampak pada" villages affects them
    ("Banjir merendam 1.250 rumah di tiga kecamatan.", "id", "1.250", "houses flooded"),
    ("Banjir bandang berdampak pada 19 desa di Kabupaten Sukabumi.", "id", "19", "districts affected"),
    ("Sebanyak 3.500 warga dari enam desa diungsikan ke tempat yang lebih aman.", "id", "3.500", "residents evacuated"),
    # each report of a missing person counts a person missing
    ("Posko antemortem menerima 14 laporan orang hilang.", "id", "14", "people missing"),
    ("Police received 14 reports of missing persons by Sunday night.", "en", "14", "people missing"),
    # a list of objects shares the verb before its first item
    ("Gempa merusak 412 rumah, 30 ruko dan 12 sekolah.", "id", "12", "schools damaged"),
    ("Gempa merusak 412 rumah, 30 ruko dan 12 sekolah.", "id", "30", "stalls damaged"),
    ("The storm damaged 412 homes and 12 schools.", "en", "12", "schools damaged"),
    # a sum is a money noun further back, not a counted thing nearer it; a person there owns it
    ("Kerugian dan kerusakan akibat bencana ini diperkirakan sekitar Rp 68,7 triliun.", "id", "Rp 68,7 triliun", "losses"),
    ("Kerugian akibat kebakaran itu ditaksir mencapai Rp 2 miliar.", "id", "Rp 2 miliar", "losses"),
    ("Economic losses caused by the disaster in the province reached $2.3 billion.", "en", "$2.3 billion", "losses"),
    ("Kerugian konsumen diperkirakan mencapai Rp 9,9 triliun.", "id", "Rp 9,9 triliun", "customers"),
    ("The central government has allocated 200 million yuan in disaster relief funds to the province.", "en", "200 million", "aid"),
    # a pledge or a contribution is aid, named by its verb or noun
    ("Australia has pledged A$5 million.", "en", "A$5 million", "aid"),
    ("New Zealand's contribution would rise to $2 million, the minister said.", "en", "$2 million", "aid"),
    # a newspaper's name is no rate
    ("The spokesman told the Daily Mirror that 63 people had been killed across the island.", "en", "63", "people killed"),
    ("An average of 1,500 vehicles cross the bridge daily.", "en", "1,500", "vehicles per time"),
    # "others" after a noun that names what happened counts people, whatever happened to them
    ("The death toll rose to 82 on Saturday, with 118 others still missing.", "en", "118", "people missing"),
    ("Sebanyak 12 jenazah ditemukan dan 20 lainnya masih hilang.", "id", "20", "people missing"),
    # "as" after a verb of naming opens no clause
    ("The secretariat said 134 people were listed as missing, according to lists compiled by officials.", "en", "134", "people missing"),
    # a part is never more than its whole: "of them" skips back past a smaller figure
    ("Nearly 420,000 people in 21 districts had been affected, and about 347,000 of them had been forced from their homes.",
     "en", "347,000", "people displaced"),
    # the relocation of people evacuates them; welfare centres and relief camps are shelters
    ("The floods have forced the relocation of 1.04 million people in the province.", "en", "1.04 million", "people evacuated"),
    ("The number of people in welfare centres dropped to about 84,000 on Monday.", "en", "84,000", "people displaced"),
    ("Of them, 185,450 were sheltering in 594 welfare centres, he said.", "en", "594", "shelters"),
    ("About 2,000 people were in 25 shelters across the region on Saturday night.", "en", "2,000", "people displaced"),
    ("Hingga Senin, 1.024 warga masih berada di 13 tenda darurat.", "id", "1.024", "residents displaced"),
    # what happened to the speaker before a verb of saying is not the figure's
    ("A cook who escaped by jumping from the roof said about 35 people were inside the cafe.", "en", "35", "people"),
    # a disaster that hits districts affects them; English counts witnesses, questioned or not
    ("Data terbaru menunjukkan bencana melanda 12 kecamatan.", "id", "12", "districts affected"),
    ("Polisi sudah memeriksa lima orang terkait kasus itu.", "id", "lima", "people questioned"),
    ("Investigators have questioned 12 witnesses so far.", "en", "12", "witnesses questioned"),
    # a length its clause calls a height is one; a bridge's length is not
    ("Kolom abu Gunung Ibu membubung 4.000 meter di atas puncak, Rabu.", "id", "4.000", "height"),
    ("Ketinggian air di desa itu mencapai 3 meter.", "id", "3", "height"),
    ("In Colombo, the water level of the Kelani River stood at 7.4 feet at 9 a.m.", "en", "7.4", "height"),
    ("The Irrigation Department said the Kelani River had begun to recede, dropping to 7.9 feet this morning.", "en", "7.9", "height"),
    ("The bridge, 40 metres long, collapsed.", "en", "40", None),
    # a figure of places after a locative word says where; a relative clause on it says what
    # happened to the places
    ("He said more than 200,000 people in 19 districts had been displaced.", "en", "19", "districts"),
    ("Some 4,371 houses were partly damaged across 22 districts.", "en", "22", "districts"),
    ("Rescuers moved residents in 11 villages that were flooded overnight.", "en", "11", "villages flooded"),
    # a correction between a figure and its verb is an aside
    ("Police: Five gunmen, not six, died in the cafe attack", "en", "Five", "suspects killed"),
    ("Polisi: lima pelaku, bukan enam, tewas dalam penggerebekan itu", "id", "lima", "suspects killed"),
    # an aside may open with its own figure; lawyers and teachers are people of their own class
    ("At least 73 people, 56 of them lawyers, were killed in the attack.", "en", "73", "people killed"),
    ("At least 73 people, 56 of them lawyers, were killed in the attack.", "en", "56", "lawyers killed"),
    ("The bar council said 54 lawyers were among the dead.", "en", "54", "lawyers killed"),
    ("Thirteen foreigners were among the dead, officials said.", "en", "Thirteen", "citizens killed"),
    # what caused them may stand between a figure and its noun
    ("The department said it had confirmed 21 flood deaths.", "en", "21", "people killed"),
    ("The CNE has counted 327 damaged homes, 40 of them destroyed.", "en", "327", "houses damaged"),
    ("Nineteen farms had been attacked by Friday, the exporters' association said.", "en", "Nineteen", "companies"),
    # a noun right after the figure before is that figure's; "injures" wounds
    ("The storm left three dead, 179 injured.", "en", "179", "people wounded"),
    ("Nepartak kills 2, injures 158 as it batters Taitung.", "en", "158", "people wounded"),
    # a head may stand as far back as a counting phrase
    ("The ministry said the death toll from a suicide bombing that tore through a protest march by members of the Hazara minority in Kabul had risen to 82.", "en", "82", "people killed"),
    # English victims are the dead; casualties are the dead and the injured
    ("\"We now have 28 victims: 11 at the airport and 17 at the metro station,\" a spokesman said.", "en", "28", "people killed"),
    ("The attack caused 40 casualties, officials said.", "en", "40", "casualties"),
    ("Tiga guru dan dua pengacara tewas dalam kecelakaan itu.", "id", "dua", "lawyers killed"),
    ("Ribuan rumah rusak di lima desa, kata dia.", "id", "lima", "districts"),
    ("Polisi membantu evakuasi warga di 11 desa yang terendam.", "id", "11", "districts flooded"),
])
def test_action_words(text, lang, figure, measure):
    assert _claims(text, lang)[figure].measure == measure


def test_a_rising_toll_is_a_running_count_not_one_event():
    assert not _claims("Nice attack: death toll rises to 85 as row over police presence grows", "en")["85"].is_event


@pytest.mark.parametrize("text, lang, figure, event_on", [
    # a count of an event of an earlier year, named before the figure, is that year's
    ("The fire is the deadliest in Oakland since the 1991 Oakland hills firestorm, which killed 25 people.", "en", "25", "1991"),
    ("It was the strongest since the 1995 Great Hanshin earthquake, which had a magnitude of 7.3 and killed more than 6,400 people.", "en", "6,400", "1995"),
    ("Jumlah jemaah haji yang wafat pada musim haji 2024 mencapai 461 orang.", "id", "461", "2024"),
    # so does a month or a day of an earlier year
    ("Pada Juli 2024, longsor di tambang rakyat di Kabupaten Bone Bolango menewaskan 27 orang.", "id", "27", "2024-07"),
    ("Pada 25 Januari 2021, kebocoran gas H2S di lokasi yang sama menewaskan lima warga.", "id", "lima", "2021-01-25"),
    ("On 14 July 2016, a truck attack in Nice killed 86 people.", "en", "86", "2016-07-14"),
    ("Pada Agustus 2024, api menghanguskan 56 kios di sebuah pasar tradisional di Kecamatan Tenayan Raya.", "id", "56", "2024-08"),
    # a month named alone, before the month of publication, dates a past event of this year
    ("In March, storms dropped heavy rain on north Louisiana, killing four people.", "en", "four", "2025-03"),
    ("Pada Januari lalu, banjir di Kabupaten Bima menewaskan tiga orang.", "id", "tiga", "2025-01"),
    # a magnitude with a date of an earlier year before it, or soon after it, is a past quake's
    ("In July 2013, a magnitude 6.1 quake in Aceh's central highlands killed more than 40 people.", "en", "6.1", "2013-07"),
    ("A magnitude 9.1 earthquake off Sumatra on Dec. 26, 2004, triggered a tsunami.", "en", "9.1", "2004-12-26"),
    # but not the story's own quake compared with an earlier one
    ("The magnitude 6.5 quake was the strongest since the 2004 tsunami.", "en", "6.5", None),
    # the story's own count before the earlier year is not
    ("The quake killed 42 people, the most since the 1995 Kobe earthquake.", "en", "42", None),
    # a year that starts a period running to now dates no past event
    ("Since 2015 the conflict has killed 10,000 people.", "en", "10,000", None),
    ("Sejak tahun 2019 konflik itu menewaskan 300 orang.", "id", "300", None),
    # nor does this year
    ("Sepanjang 2025 banjir menewaskan 12 orang.", "id", "12", None),
])
def test_a_count_of_a_past_year_is_that_years_event(text, lang, figure, event_on):
    claim = _claims(text, lang)[figure]
    assert claim.event_on == event_on
    assert claim.is_event == (event_on is not None)


@pytest.mark.parametrize("text, lang, published, figure, said_on", [
    # a statement with no day of speaking was given when its tally stood
    ("The Fire and Disaster Management Agency said about 1,500 people had been injured in the two quakes "
     "as of Saturday evening.", "en", "2016-04-17", "1,500", "2016-04-16"),
    ("Earlier, the sheriff's office had said 33 bodies had been recovered by Sunday night.", "en", "2016-12-06", "33", "2016-12-04"),
    ("BPBD Cilacap mencatat 23 warga tertimbun hingga Senin siang.", "id", "2025-11-18", "23", "2025-11-17"),
    # a day of speaking wins over the tally's
    ("The ministry said on Monday that 40 people had died as of Sunday.", "en", "2016-04-19", "40", "2016-04-18"),
    # a possessive date names the event, not a tally
    ("The agency said 12 people were killed by Saturday's quake.", "en", "2016-04-19", "12", None),
    # so is a day after a counting phrase: "the number of injured" names no event
    ("But the fire department put the number of injured at 53 on Wednesday.", "en", "2016-12-22", "53", "2016-12-21"),
    # a day right after a state (in hospital, in shelters, critical) is when the count held
    ("Thirty-eight people remained in a critical condition on Tuesday, the department said.", "en", "2016-04-14", "Thirty-eight", "2016-04-12"),
    ("About 400 people remained in shelters Friday, officials said.", "en", "2016-12-03", "400", "2016-12-02"),
    ("Sebanyak 14 pasien masih dirawat pada Jumat, kata Faisal.", "id", "2025-04-26", "14", "2025-04-25"),
])
def test_a_tally_date_dates_a_statement_with_no_day_of_its_own(text, lang, published, figure, said_on):
    doc = Document(doc="t.txt", path="t.txt", text=text, language=lang, published=published)
    claim = next(c for c in extract_claims(doc, ENTITIES) if c.quantity.text == figure)
    assert (claim.said_on, claim.event_on) == (said_on, None)


FLOOD = ("BPBD mencatat 12 warga meninggal akibat banjir di Kabupaten Bogor hingga Selasa (4/3/2025).\n\n"
         "{lead} Kepala Kantor SAR Jakarta menyebut korban meninggal akibat banjir di Kabupaten Bogor "
         "mencapai 15 orang.")


@pytest.mark.parametrize("lead, reported", [
    # the sentence that leads into a figure may set it against another
    ("Data berbeda disampaikan Basarnas.", True),
    ("Basarnas juga menyampaikan data korban.", False),
    # "namun" (however) opening the next account sets it against the one before
    ("Namun, data Basarnas belum diperbarui.", True),
    # a count the article says was "still" recorded on an earlier day is set against the new one
    ("Pada Senin (3/3/2025), Basarnas masih mencatat korban yang sama.", True),
])
def test_a_lead_in_sentence_sets_two_figures_of_one_article_apart(lead, reported):
    doc = Document(doc="t.txt", path="t.txt", text=FLOOD.format(lead=lead), language="id", published="2025-03-04")
    claims = extract_claims(doc, ENTITIES)
    ids = {c.quantity.text: c.id for c in claims}
    differ = {frozenset((c.a, c.b)) for c in compare_claims(claims, ENTITIES, [doc]) if c.relation != "agree"}
    assert (frozenset((ids["12"], ids["15"])) in differ) == reported


def test_what_was_added_meets_neither_the_count_nor_its_restatement():
    """New suspects of a day are not the running total, and a later "sudah ada sembilan
    tersangka" is no restatement of "sembilan tersangka baru"."""
    first = Document(doc="a.txt", path="a.txt", language="id", published="2025-05-02",
                     text="Polda Riau menetapkan sembilan tersangka pembakaran lahan, Kamis (1/5/2025).")
    later = Document(doc="b.txt", path="b.txt", language="id", published="2025-05-09", text=(
        "Polda Riau kembali menetapkan sembilan orang tersangka baru, Kamis (8/5/2025). "
        "Sebelumnya sudah ada sembilan tersangka dalam perkara ini. Dengan demikian, total tersangka kini 18 orang."))
    claims = [*extract_claims(first, ENTITIES), *extract_claims(later, ENTITIES)]
    added = next(c for c in claims if c.doc == "b.txt" and c.measure.endswith("(increase)"))
    assert [c.quantity.text for c in claims if c.same_as == added.id] == []
    met = {frozenset((c.a, c.b)) for c in compare_claims(claims, ENTITIES, [first, later])}
    assert not any(added.id in pair for pair in met)


@pytest.mark.parametrize("text, reported", [
    # an earlier statement restated in the pluperfect is set against the later one
    ("The county mayor had said on Monday that 14 people were killed in the fires. "
     "On Wednesday the sheriff told reporters that 19 people were killed in the fires.", True),
    ("The toll had stood at 14 on Monday. On Wednesday the sheriff told reporters that 19 people were killed.", True),
    # "however" and "but" open an account that answers the one before
    ("The county mayor said on Monday that 14 people were killed in the fires. "
     "However, the sheriff told reporters that 19 people were killed in the fires.", True),
    ("The county mayor said on Monday that 14 people were killed in the fires. "
     "But the sheriff told reporters that 19 people were killed in the fires.", True),
    ("As of Monday night, the county had reported 14 deaths in the fires. "
     "On Wednesday the sheriff told reporters that 19 people were killed in the fires.", True),
    # a figure credited to another source, a change from an earlier figure, a first reading
    ("Prosecutors said 19 people were killed in the fires, more than the 14 counted by the county on Monday.", True),
    ("The toll has dropped to 14 from 19 after officials found double counting.", True),
    ("Officials said 14 people were killed, revising down an initial estimate of 19 deaths.", True),
    # two figures side by side without a word that sets them apart count two things
    ("The county mayor said on Monday that 14 people were killed in the fires. "
     "On Wednesday the sheriff told reporters that 19 people were killed in the fires.", False),
])
def test_an_earlier_statement_restated_sets_two_figures_apart(text, reported):
    doc = Document(doc="t.txt", path="t.txt", text=text, language="en", published="2016-12-01")
    claims = extract_claims(doc, ENTITIES)
    ids = {c.quantity.text: c.id for c in claims}
    differ = {frozenset((c.a, c.b)) for c in compare_claims(claims, ENTITIES, [doc]) if c.relation != "agree"}
    assert (frozenset((ids["14"], ids["19"])) in differ) == reported


def test_a_headline_place_is_no_figure_place():
    """The headline's place is the story's, not every figure's: a toll for three provinces in
    an article headed "... di Aceh" is not Aceh's. Unknown stays unknown."""
    text = ("Korban Banjir Bertambah, BPBA Catat 156 Korban di Aceh\n\n"
            "BNPB mencatat 442 orang meninggal dunia akibat banjir hingga Minggu (30/11/2025).")
    doc = Document(doc="t.txt", path="t.txt", text=text, language="id", published="2025-11-30",
                   title="Korban Banjir Bertambah, BPBA Catat 156 Korban di Aceh")
    claims = {c.quantity.text: c for c in extract_claims(doc, ENTITIES)}
    assert claims["156"].place == "Aceh"
    assert claims["442"].place is None


@pytest.mark.parametrize("first_body, agrees", [
    # the headline drops the body's bound: "toll reaches 73" restates "at least 73"
    ("At least 73 people were killed in the hospital bombing, officials said.", True),
    # a body that says exactly 73 keeps the headline exact
    ("The death toll had risen to 73 people in the hospital bombing, officials said.", False),
])
def test_a_headline_restating_a_bound_is_compared_with_it(first_body, agrees):
    title = "Quetta buries its lawyers as toll reaches 73"
    first = Document(doc="a.txt", path="a.txt", text=f"{title}\n\n{first_body}", language="en",
                     published="2016-08-09", title=title)
    later = Document(doc="b.txt", path="b.txt", language="en", published="2016-08-10",
                     text="Officials said 75 people were killed in the hospital bombing.")
    claims = [*extract_claims(first, ENTITIES), *extract_claims(later, ENTITIES)]
    headline = next(c for c in claims if c.doc == "a.txt" and c.sentence_start == 0)
    seventy_five = next(c for c in claims if c.doc == "b.txt")
    verdicts = {c.relation for c in compare_claims(claims, ENTITIES, [first, later])
                if {c.a, c.b} == {headline.id, seventy_five.id}}
    assert (verdicts == {"agree"}) if agrees else (verdicts and "agree" not in verdicts)


@pytest.mark.parametrize("text, lang, figure, measure, place", [
    # a list of places with no verb of its own counts what the sentence before it counted ...
    ('BPBD mencatat 14 warga meninggal dunia. "Di Garut enam orang, Tasikmalaya lima orang, dan '
     'Sumedang tiga orang," kata Andi.', "id", "enam", "people killed", "Kabupaten Garut"),
    ('BPBD mencatat 14 warga meninggal dunia. "Di Garut enam orang, Tasikmalaya lima orang, dan '
     'Sumedang tiga orang," kata Andi.', "id", "lima", "people killed", None),  # a regency or a city: unknown
    ("Korban hilang tersebar di tiga provinsi. Rinciannya, Jawa Tengah 21 orang, Jawa Timur 9 orang.",
     "id", "9", "people missing", "Jawa Timur"),
    ("Most of the missing are in the north. Luzon 40 people, Visayas 12 people.", "en", "12", "people missing", None),
    # ... but a list with a verb of its own keeps it, and one item is no list
    ("Korban hilang tersebar di tiga kota. Di Garut 21 orang mengungsi, Sumedang 9 orang mengungsi.",
     "id", "21", "people displaced", "Kabupaten Garut"),
    ("Sebanyak 30 orang meninggal. Garut 21 orang.", "id", "21", "people", "Kabupaten Garut"),
    # a name inside a headline's words is no list item's place
    ("Dinkes Jabar Catat 16.874 Kasus DBD", "id", "16.874", "cases", None),
])
def test_a_list_of_places_counts_what_the_sentence_before_counted(text, lang, figure, measure, place):
    claim = _claims(text, lang)[figure]
    assert (claim.measure, claim.place) == (measure, place)
