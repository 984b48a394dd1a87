/* Data that shapes the demo kabupaten: the usual OPD of a regional
 * government after the 2021 simplification, with their bidang and seksi,
 * and the fungsional and pelaksana jobs found in them. */
#include <string.h>
#include "core/vocab.h"
#include "gen/names.h"
#include "gen/tables.h"

const char *const family_names[FAM_COUNT] = {
    [FAM_ADMIN] = "administrasi umum", [FAM_KEU] = "keuangan",
    [FAM_DIDIK] = "pendidikan", [FAM_KES] = "kesehatan",
    [FAM_TEKNIK] = "teknik", [FAM_RENCANA] = "perencanaan",
    [FAM_AWAS] = "pengawasan", [FAM_SDM] = "kepegawaian",
    [FAM_HUKUM] = "hukum", [FAM_SOSIAL] = "sosial",
    [FAM_TANI] = "pertanian", [FAM_LH] = "lingkungan hidup",
    [FAM_TI] = "informatika", [FAM_TIBUM] = "ketertiban umum",
    [FAM_DUK] = "kependudukan", [FAM_PEM] = "pemerintahan",
    [FAM_EKON] = "perekonomian",
};

#define F PKIND_FUNGSIONAL
#define P PKIND_PELAKSANA
#define UNIT FAM_COUNT

const struct job jobs[] = {
    /* pelaksana (KepmenPANRB 11/2024 names) */
    {"Pengadministrasi Perkantoran", P, FAM_ADMIN, TR_ADMIN, 45, 0, EDU_SMA, 5, NULL, NULL},
    {"Operator Layanan Operasional", P, UNIT, TR_ADMIN, 30, 0, EDU_SMA, 5, NULL, NULL},
    {"Pengelola Layanan Operasional", P, UNIT, TR_ADMIN, 45, 0, EDU_D3, 7, NULL, NULL},
    {"Penata Layanan Operasional", P, UNIT, TR_ADMIN, 50, 0, EDU_S1, 9, "sipd", NULL},
    {"Penelaah Teknis Kebijakan", P, UNIT, TR_ADMIN, 50, 0, EDU_S1, 9, NULL, NULL},
    /* fungsional: education */
    {"Guru Kelas", F, FAM_DIDIK, TR_GURU_SD, 63, 15, 0, 0, "sertifikat-pendidik", NULL},
    {"Guru Pendidikan Agama Islam", F, FAM_DIDIK, TR_GURU_PAI, 55, 12, 0, 0, "sertifikat-pendidik", NULL},
    {"Guru Pendidikan Jasmani, Olahraga dan Kesehatan", F, FAM_DIDIK, TR_GURU_MAPEL, 25, 15, 0, 0, "sertifikat-pendidik", "Pendidikan Jasmani"},
    {"Guru Matematika", F, FAM_DIDIK, TR_GURU_MAPEL, 62, 15, 0, 0, "sertifikat-pendidik", "Pendidikan Matematika"},
    {"Guru Bahasa Indonesia", F, FAM_DIDIK, TR_GURU_MAPEL, 75, 15, 0, 0, "sertifikat-pendidik", "Pendidikan Bahasa dan Sastra Indonesia"},
    {"Guru Bahasa Inggris", F, FAM_DIDIK, TR_GURU_MAPEL, 72, 15, 0, 0, "sertifikat-pendidik", "Pendidikan Bahasa Inggris"},
    {"Guru Ilmu Pengetahuan Alam", F, FAM_DIDIK, TR_GURU_MAPEL, 66, 15, 0, 0, "sertifikat-pendidik", "Pendidikan Biologi"},
    {"Guru Ilmu Pengetahuan Sosial", F, FAM_DIDIK, TR_GURU_MAPEL, 60, 15, 0, 0, "sertifikat-pendidik", "Pendidikan Sejarah"},
    {"Guru Pendidikan Pancasila", F, FAM_DIDIK, TR_GURU_MAPEL, 60, 15, 0, 0, "sertifikat-pendidik", "Pendidikan Pancasila dan Kewarganegaraan"},
    {"Guru Seni Budaya", F, FAM_DIDIK, TR_GURU_MAPEL, 55, 15, 0, 0, "sertifikat-pendidik", "Pendidikan Seni"},
    {"Guru Bimbingan dan Konseling", F, FAM_DIDIK, TR_GURU_MAPEL, 70, 15, 0, 0, "sertifikat-pendidik", "Bimbingan dan Konseling"},
    {"Guru Informatika", F, FAM_DIDIK, TR_GURU_MAPEL, 45, 20, 0, 0, "sertifikat-pendidik", "Pendidikan Teknologi Informasi"},
    {"Kepala Sekolah (Guru)", F, FAM_DIDIK, TR_GURU_SD, 45, 0, 0, 0, "kepemimpinan-sekolah", NULL},
    {"Pengawas Sekolah", F, FAM_DIDIK, TR_GURU_SD, 45, 0, 0, 0, "supervisi-akademik", NULL},
    {"Penilik", F, FAM_DIDIK, TR_GURU_SD, 50, 0, 0, 0, NULL, NULL},
    {"Pamong Belajar", F, FAM_DIDIK, TR_GURU_SD, 55, 0, 0, 0, NULL, NULL},
    /* fungsional: health */
    {"Dokter", F, FAM_KES, TR_DOKTER, 58, 5, 0, 0, "btcls", NULL},
    {"Dokter Spesialis", F, FAM_KES, TR_DOKTER_SP, 45, 0, 0, 0, "btcls", NULL},
    {"Dokter Gigi", F, FAM_KES, TR_DOKTER_GIGI, 70, 5, 0, 0, NULL, NULL},
    {"Perawat", F, FAM_KES, TR_PERAWAT, 62, 14, 0, 0, "btcls", NULL},
    {"Bidan", F, FAM_KES, TR_BIDAN, 100, 14, 0, 0, "apn", NULL},
    {"Apoteker", F, FAM_KES, TR_FARMASI, 75, 8, 0, 0, NULL, NULL},
    {"Asisten Apoteker", F, FAM_KES, TR_FARMASI, 75, 10, 0, 0, NULL, NULL},
    {"Pranata Laboratorium Kesehatan", F, FAM_KES, TR_ANALIS, 70, 10, 0, 0, NULL, NULL},
    {"Nutrisionis", F, FAM_KES, TR_GIZI, 85, 10, 0, 0, NULL, NULL},
    {"Tenaga Sanitasi Lingkungan", F, FAM_KES, TR_KESMAS, 55, 10, 0, 0, NULL, NULL},
    {"Penyuluh Kesehatan Masyarakat", F, FAM_KES, TR_KESMAS, 65, 5, 0, 0, NULL, NULL},
    {"Epidemiolog Kesehatan", F, FAM_KES, TR_KESMAS, 60, 0, 0, 0, "surveilans", NULL},
    {"Administrator Kesehatan", F, FAM_KES, TR_KESMAS, 60, 0, 0, 0, NULL, NULL},
    {"Perekam Medis", F, FAM_KES, TR_REKAM, 65, 10, 0, 0, NULL, NULL},
    {"Radiografer", F, FAM_KES, TR_RADIO, 40, 5, 0, 0, NULL, NULL},
    {"Fisioterapis", F, FAM_KES, TR_FISIO, 60, 5, 0, 0, NULL, NULL},
    /* fungsional: government at large */
    {"Analis Sumber Daya Manusia Aparatur", F, FAM_SDM, TR_ADMIN, 55, 0, 0, 0, "manajemen-asn", NULL},
    {"Pranata Sumber Daya Manusia Aparatur", F, FAM_SDM, TR_ADMIN, 55, 0, 0, 0, "manajemen-asn", NULL},
    {"Asesor Sumber Daya Manusia Aparatur", F, FAM_SDM, TR_SOSIAL, 50, 0, 0, 0, "asesmen-kompetensi", NULL},
    {"Perencana", F, FAM_RENCANA, TR_ADMIN, 45, 0, 0, 0, "sipd", NULL},
    {"Analis Kebijakan", F, FAM_PEM, TR_ADMIN, 45, 0, 0, 0, "analisis-kebijakan", NULL},
    {"Arsiparis", F, FAM_ADMIN, TR_ADMIN, 60, 0, 0, 0, NULL, NULL},
    {"Pranata Komputer", F, FAM_TI, TR_IT, 35, 0, 0, 0, "jaringan-komputer", NULL},
    {"Pranata Hubungan Masyarakat", F, FAM_TI, TR_ADMIN, 55, 0, 0, 0, NULL, NULL},
    {"Statistisi", F, FAM_TI, TR_IT, 50, 0, 0, 0, NULL, NULL},
    {"Analis Pengelolaan Keuangan APBD", F, FAM_KEU, TR_KEU, 60, 0, 0, 0, "akuntansi-pemda", NULL},
    {"Pranata Keuangan APBD", F, FAM_KEU, TR_KEU, 60, 0, 0, 0, "akuntansi-pemda", NULL},
    {"Pengelola Pengadaan Barang/Jasa", F, FAM_KEU, TR_TEKNIK, 35, 0, 0, 0, "pbj", NULL},
    {"Penilai Pajak Daerah", F, FAM_KEU, TR_KEU, 45, 0, 0, 0, NULL, NULL},
    {"Auditor", F, FAM_AWAS, TR_KEU, 50, 0, 0, 0, "audit-intern", NULL},
    {"Pengawas Penyelenggaraan Urusan Pemerintahan Daerah", F, FAM_AWAS, TR_ADMIN, 45, 0, 0, 0, "audit-intern", NULL},
    {"Perancang Peraturan Perundang-undangan", F, FAM_HUKUM, TR_HUKUM, 50, 0, 0, 0, "legal-drafting", NULL},
    {"Analis Hukum", F, FAM_HUKUM, TR_HUKUM, 50, 0, 0, 0, NULL, NULL},
    {"Teknik Jalan dan Jembatan", F, FAM_TEKNIK, TR_TEKNIK, 15, 0, 0, 0, "k3-konstruksi", NULL},
    {"Teknik Pengairan", F, FAM_TEKNIK, TR_TEKNIK, 15, 0, 0, 0, "k3-konstruksi", NULL},
    {"Teknik Tata Bangunan dan Perumahan", F, FAM_TEKNIK, TR_TEKNIK, 25, 0, 0, 0, "k3-konstruksi", NULL},
    {"Penata Ruang", F, FAM_TEKNIK, TR_TEKNIK, 35, 0, 0, 0, NULL, NULL},
    {"Pekerja Sosial", F, FAM_SOSIAL, TR_SOSIAL, 55, 0, 0, 0, NULL, NULL},
    {"Penyuluh Sosial", F, FAM_SOSIAL, TR_SOSIAL, 50, 0, 0, 0, NULL, NULL},
    {"Penyuluh Keluarga Berencana", F, FAM_SOSIAL, TR_SOSIAL, 60, 0, 0, 0, NULL, NULL},
    {"Penggerak Swadaya Masyarakat", F, FAM_PEM, TR_ADMIN, 40, 0, 0, 0, NULL, NULL},
    {"Mediator Hubungan Industrial", F, FAM_EKON, TR_HUKUM, 40, 0, 0, 0, NULL, NULL},
    {"Pengantar Kerja", F, FAM_EKON, TR_ADMIN, 50, 0, 0, 0, NULL, NULL},
    {"Pengawas Koperasi", F, FAM_EKON, TR_KEU, 45, 0, 0, 0, NULL, NULL},
    {"Pengawas Perdagangan", F, FAM_EKON, TR_KEU, 40, 0, 0, 0, NULL, NULL},
    {"Penera", F, FAM_EKON, TR_TEKNIK, 25, 0, 0, 0, NULL, NULL},
    {"Adyatama Kepariwisataan dan Ekonomi Kreatif", F, FAM_EKON, TR_ADMIN, 55, 0, 0, 0, NULL, NULL},
    {"Penyuluh Pertanian", F, FAM_TANI, TR_TANI, 30, 10, 0, 0, "penyuluhan", NULL},
    {"Medik Veteriner", F, FAM_TANI, TR_TANI, 45, 0, 0, 0, NULL, NULL},
    {"Paramedik Veteriner", F, FAM_TANI, TR_TANI, 30, 0, 0, 0, NULL, NULL},
    {"Pengawas Mutu Hasil Pertanian", F, FAM_TANI, TR_TANI, 45, 0, 0, 0, NULL, NULL},
    {"Analis Ketahanan Pangan", F, FAM_TANI, TR_TANI, 55, 0, 0, 0, NULL, NULL},
    {"Penyuluh Perikanan", F, FAM_TANI, TR_TANI, 30, 0, 0, 0, "penyuluhan", NULL},
    {"Pengendali Dampak Lingkungan", F, FAM_LH, TR_LINGKUNGAN, 45, 0, 0, 0, "amdal", NULL},
    {"Pengawas Lingkungan Hidup", F, FAM_LH, TR_LINGKUNGAN, 40, 0, 0, 0, NULL, NULL},
    {"Administrator Database Kependudukan", F, FAM_DUK, TR_IT, 45, 0, 0, 0, "siak", NULL},
    {"Polisi Pamong Praja", F, FAM_TIBUM, TR_ADMIN, 15, 0, 0, 0, "penegakan-perda", NULL},
    {"Analis Kebakaran", F, FAM_TIBUM, TR_TEKNIK, 10, 0, 0, 0, NULL, NULL},
    {"Analis Kebencanaan", F, FAM_TIBUM, TR_LINGKUNGAN, 30, 0, 0, 0, NULL, NULL},
    {"Penguji Kendaraan Bermotor", F, FAM_TEKNIK, TR_TEKNIK, 10, 0, 0, 0, NULL, NULL},
    {"Pustakawan", F, FAM_ADMIN, TR_ADMIN, 65, 0, 0, 0, NULL, NULL},
    {"Pamong Budaya", F, FAM_DIDIK, TR_SOSIAL, 45, 0, 0, 0, NULL, NULL},
};
const size_t njobs = sizeof jobs / sizeof jobs[0];

int job_find(const char *name, size_t len)
{
    for (size_t i = 0; i < njobs; i++)
        if (strlen(jobs[i].name) == len && memcmp(jobs[i].name, name, len) == 0)
            return (int)i;
    return -1;
}

#define JPT PKIND_JPT
#define ADM PKIND_ADMINISTRATOR

const char *const sekretariat_units =
    "Sekretariat:Subbagian Umum dan Kepegawaian;Subbagian Perencanaan dan Keuangan";
const char *const sekretariat_jobs =
    "Analis Sumber Daya Manusia Aparatur:p0-1|Perencana:p0-1,m0-1|Arsiparis:t0-1"
    "|Analis Pengelolaan Keuangan APBD:p0-1|Pranata Keuangan APBD:t0-2"
    "|Pranata Komputer:t0-1";
const char *const seksi_jobs =
    "Pengadministrasi Perkantoran:x0-2|Operator Layanan Operasional:x0-1"
    "|Pengelola Layanan Operasional:x0-2|Penata Layanan Operasional:x0-2";
const char *const bidang_pelaksana =
    "Penelaah Teknis Kebijakan:x0-2|Penata Layanan Operasional:x0-2"
    "|Pengadministrasi Perkantoran:x0-1";

const struct opd_tpl opds[] = {
    {"SETDA", "Sekretariat Daerah", "Sekretaris Daerah", JPT, FAM_PEM, TR_ADMIN, OPD_SETDA,
     "Bagian Tata Pemerintahan:Subbagian Otonomi Daerah;Subbagian Kerja Sama"
     "|Bagian Hukum:Subbagian Perundang-undangan;Subbagian Bantuan Hukum"
     "|Bagian Perekonomian dan Sumber Daya Alam:Subbagian Perekonomian;Subbagian Sumber Daya Alam"
     "|Bagian Umum:Subbagian Tata Usaha Pimpinan;Subbagian Rumah Tangga;Subbagian Keuangan"
     "|Bagian Organisasi:Subbagian Kelembagaan dan Analisis Jabatan;Subbagian Reformasi Birokrasi"
     "|Bagian Pengadaan Barang dan Jasa:Subbagian Pengelolaan Pengadaan"
     "|Bagian Kesejahteraan Rakyat:Subbagian Bina Mental Spiritual",
     "Analis Kebijakan:p0-1,m0-1|Perancang Peraturan Perundang-undangan:p0-1,m0-1"
     "|Pengelola Pengadaan Barang/Jasa:p0-2,m0-1|Analis Hukum:p0-1|Pranata Hubungan Masyarakat:p0-1"},
    {"SETWAN", "Sekretariat Dewan Perwakilan Rakyat Daerah", "Sekretaris DPRD", JPT, FAM_PEM, TR_ADMIN, OPD_SETDA,
     "Bagian Persidangan dan Perundang-undangan:Subbagian Persidangan;Subbagian Perundang-undangan"
     "|Bagian Fasilitasi Penganggaran dan Pengawasan:Subbagian Penganggaran"
     "|Bagian Umum dan Keuangan:Subbagian Rumah Tangga;Subbagian Keuangan",
     "Perancang Peraturan Perundang-undangan:p0-1|Analis Kebijakan:p0-1|Pranata Hubungan Masyarakat:t0-1"},
    {"INSPEKTORAT", "Inspektorat Daerah", "Inspektur", JPT, FAM_AWAS, TR_KEU, OPD_PLAIN,
     "Inspektur Pembantu Wilayah I:Subbagian Evaluasi dan Pelaporan"
     "|Inspektur Pembantu Wilayah II:Subbagian Evaluasi dan Pelaporan"
     "|Inspektur Pembantu Wilayah III:Subbagian Evaluasi dan Pelaporan"
     "|Inspektur Pembantu Investigasi:Subbagian Pengaduan Masyarakat",
     "Auditor:p1-3,m1-3,d0-2|Pengawas Penyelenggaraan Urusan Pemerintahan Daerah:p1-3,m0-2"},
    {"BAPPERIDA", "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah",
     "Kepala Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", JPT, FAM_RENCANA, TR_TEKNIK, OPD_PLAIN,
     "Bidang Perencanaan, Pengendalian dan Evaluasi:Subbidang Pengendalian dan Evaluasi"
     "|Bidang Perekonomian dan Sumber Daya Alam:Subbidang Perekonomian"
     "|Bidang Infrastruktur dan Kewilayahan:Subbidang Infrastruktur"
     "|Bidang Riset dan Inovasi:Subbidang Inovasi Daerah",
     "Perencana:p1-2,m1-2,d0-1|Analis Kebijakan:p0-1,m0-1|Statistisi:p0-1"},
    {"BKAD", "Badan Keuangan dan Aset Daerah", "Kepala Badan Keuangan dan Aset Daerah", JPT, FAM_KEU, TR_KEU, OPD_PLAIN,
     "Bidang Anggaran:Subbidang Anggaran Belanja;Subbidang Anggaran Pendapatan"
     "|Bidang Perbendaharaan:Subbidang Belanja Langsung;Subbidang Kas Daerah"
     "|Bidang Akuntansi:Subbidang Pelaporan Keuangan"
     "|Bidang Aset:Subbidang Penatausahaan Aset;Subbidang Pemanfaatan Aset",
     "Analis Pengelolaan Keuangan APBD:p1-3,m1-2|Pranata Keuangan APBD:t1-3,h0-2"},
    {"BAPENDA", "Badan Pendapatan Daerah", "Kepala Badan Pendapatan Daerah", JPT, FAM_KEU, TR_KEU, OPD_PLAIN,
     "Bidang Pendataan dan Penetapan:Subbidang Pendataan"
     "|Bidang Penagihan:Subbidang Penagihan Pajak Daerah"
     "|Bidang Pajak Bumi dan Bangunan:Subbidang Pelayanan PBB",
     "Penilai Pajak Daerah:p1-2,m0-1|Pranata Keuangan APBD:t1-2"},
    {"BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
     "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", JPT, FAM_SDM, TR_ADMIN, OPD_PLAIN,
     "Bidang Pengadaan, Pemberhentian dan Informasi:Subbidang Informasi Kepegawaian"
     "|Bidang Mutasi dan Promosi:Subbidang Mutasi;Subbidang Promosi dan Kepangkatan"
     "|Bidang Pengembangan Kompetensi:Subbidang Diklat"
     "|Bidang Penilaian Kinerja dan Penghargaan:Subbidang Disiplin",
     "Analis Sumber Daya Manusia Aparatur:p1-3,m1-2,d0-1|Pranata Sumber Daya Manusia Aparatur:t1-2,h0-1"
     "|Asesor Sumber Daya Manusia Aparatur:p0-1,m0-1"},
    {"BPBD", "Badan Penanggulangan Bencana Daerah", "Kepala Pelaksana BPBD", JPT, FAM_TIBUM, TR_LINGKUNGAN, OPD_PLAIN,
     "Bidang Pencegahan dan Kesiapsiagaan:Seksi Kesiapsiagaan"
     "|Bidang Kedaruratan dan Logistik:Seksi Logistik"
     "|Bidang Rehabilitasi dan Rekonstruksi:Seksi Rehabilitasi",
     "Analis Kebencanaan:p1-2,m0-1"},
    {"KESBANGPOL", "Badan Kesatuan Bangsa dan Politik", "Kepala Badan Kesatuan Bangsa dan Politik", JPT, FAM_PEM, TR_ADMIN, OPD_PLAIN,
     "Bidang Ideologi dan Wawasan Kebangsaan:Seksi Wawasan Kebangsaan"
     "|Bidang Politik Dalam Negeri:Seksi Pendidikan Politik"
     "|Bidang Ketahanan Ekonomi, Sosial dan Budaya:Seksi Ketahanan Sosial",
     "Analis Kebijakan:p1-2,m0-1"},
    {"DISDIK", "Dinas Pendidikan dan Kebudayaan", "Kepala Dinas Pendidikan dan Kebudayaan", JPT, FAM_DIDIK, TR_GURU_SD, OPD_DIDIK,
     "Bidang Pembinaan Sekolah Dasar:Seksi Kurikulum SD;Seksi Peserta Didik SD;Seksi Sarana Prasarana SD"
     "|Bidang Pembinaan Sekolah Menengah Pertama:Seksi Kurikulum SMP;Seksi Peserta Didik SMP;Seksi Sarana Prasarana SMP"
     "|Bidang Guru dan Tenaga Kependidikan:Seksi Pendidik;Seksi Tenaga Kependidikan"
     "|Bidang Pendidikan Anak Usia Dini dan Nonformal:Seksi Kurikulum PAUD;Seksi Pendidikan Masyarakat"
     "|Bidang Kebudayaan:Seksi Cagar Budaya;Seksi Kesenian dan Tradisi",
     "Pengawas Sekolah:m1-3,d1-4|Penilik:p0-1,m0-2|Pamong Belajar:p0-1|Pamong Budaya:p0-1"},
    {"DINKES", "Dinas Kesehatan", "Kepala Dinas Kesehatan", JPT, FAM_KES, TR_DOKTER, OPD_KES,
     "Bidang Kesehatan Masyarakat:Seksi Kesehatan Keluarga dan Gizi;Seksi Promosi dan Pemberdayaan Masyarakat;Seksi Kesehatan Lingkungan, Kerja dan Olahraga"
     "|Bidang Pencegahan dan Pengendalian Penyakit:Seksi Surveilans dan Imunisasi;Seksi Pencegahan dan Pengendalian Penyakit Menular;Seksi Penyakit Tidak Menular dan Kesehatan Jiwa"
     "|Bidang Pelayanan Kesehatan:Seksi Pelayanan Kesehatan Primer;Seksi Pelayanan Kesehatan Rujukan;Seksi Kefarmasian dan Alat Kesehatan"
     "|Bidang Sumber Daya Kesehatan:Seksi Sumber Daya Manusia Kesehatan",
     "Administrator Kesehatan:p1-2,m0-2|Epidemiolog Kesehatan:p0-1,m0-1|Penyuluh Kesehatan Masyarakat:p0-1,m0-1"
     "|Apoteker:p0-1|Nutrisionis:t0-1,p0-1|Tenaga Sanitasi Lingkungan:t0-1"},
    {"RSUD", "Rumah Sakit Umum Daerah", "Direktur Rumah Sakit Umum Daerah", JPT, FAM_KES, TR_DOKTER, OPD_RSUD,
     "Bagian Tata Usaha:Subbagian Umum dan Kepegawaian;Subbagian Keuangan;Subbagian Perencanaan dan Rekam Medis"
     "|Bidang Pelayanan Medik:Seksi Pelayanan Medik;Seksi Penunjang Medik"
     "|Bidang Keperawatan:Seksi Asuhan Keperawatan;Seksi Etika dan Mutu Keperawatan"
     "|Bidang Penunjang:Seksi Penunjang Nonmedik;Seksi Instalasi Pemeliharaan Sarana",
     "Dokter Spesialis:d2-6,m0-3|Dokter:p2-5,m1-3|Dokter Gigi:p0-1,m0-1|Perawat:t6-20,h2-8,p4-12,m2-6,y0-3"
     "|Bidan:t2-8,h1-4,p1-3|Apoteker:p1-2,m0-1|Asisten Apoteker:t2-5|Pranata Laboratorium Kesehatan:t2-5,h0-2"
     "|Radiografer:t1-3|Fisioterapis:t1-2|Nutrisionis:t1-3|Perekam Medis:t2-4|Administrator Kesehatan:p0-1"},
    {"DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang", "Kepala Dinas Pekerjaan Umum dan Penataan Ruang", JPT, FAM_TEKNIK, TR_TEKNIK, OPD_PLAIN,
     "Bidang Bina Marga:Seksi Pembangunan Jalan dan Jembatan;Seksi Pemeliharaan Jalan dan Jembatan"
     "|Bidang Sumber Daya Air:Seksi Irigasi;Seksi Sungai dan Pantai"
     "|Bidang Cipta Karya:Seksi Air Minum dan Sanitasi;Seksi Bangunan Gedung"
     "|Bidang Penataan Ruang:Seksi Perencanaan dan Pemanfaatan Ruang",
     "Teknik Jalan dan Jembatan:p1-3,m0-2|Teknik Pengairan:p1-2,m0-1|Teknik Tata Bangunan dan Perumahan:p0-2|Penata Ruang:p0-1"},
    {"DPKP", "Dinas Perumahan dan Kawasan Permukiman", "Kepala Dinas Perumahan dan Kawasan Permukiman", JPT, FAM_TEKNIK, TR_TEKNIK, OPD_PLAIN,
     "Bidang Perumahan:Seksi Pendataan dan Perencanaan Perumahan"
     "|Bidang Kawasan Permukiman:Seksi Peningkatan Kualitas Permukiman"
     "|Bidang Pertanahan:Seksi Penatagunaan Tanah",
     "Teknik Tata Bangunan dan Perumahan:p1-2,m0-1"},
    {"SATPOLPP", "Satuan Polisi Pamong Praja dan Pemadam Kebakaran", "Kepala Satuan Polisi Pamong Praja", JPT, FAM_TIBUM, TR_HUKUM, OPD_PLAIN,
     "Bidang Penegakan Perundang-undangan Daerah:Seksi Penyidikan dan Penindakan"
     "|Bidang Ketertiban Umum dan Ketenteraman Masyarakat:Seksi Operasi dan Pengendalian"
     "|Bidang Pemadam Kebakaran:Seksi Operasi dan Penyelamatan",
     "Polisi Pamong Praja:t2-6,h1-3,p0-2|Analis Kebakaran:p0-1"},
    {"DINSOS", "Dinas Sosial", "Kepala Dinas Sosial", JPT, FAM_SOSIAL, TR_SOSIAL, OPD_PLAIN,
     "Bidang Rehabilitasi Sosial:Seksi Rehabilitasi Anak dan Lanjut Usia"
     "|Bidang Perlindungan dan Jaminan Sosial:Seksi Jaminan Sosial Keluarga"
     "|Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin:Seksi Penanganan Fakir Miskin",
     "Pekerja Sosial:p1-2,m0-1|Penyuluh Sosial:p0-1"},
    {"DISNAKER", "Dinas Tenaga Kerja", "Kepala Dinas Tenaga Kerja", JPT, FAM_EKON, TR_HUKUM, OPD_PLAIN,
     "Bidang Penempatan dan Pelatihan Tenaga Kerja:Seksi Penempatan Tenaga Kerja"
     "|Bidang Hubungan Industrial:Seksi Persyaratan Kerja dan Pengupahan",
     "Mediator Hubungan Industrial:p0-1,m0-1|Pengantar Kerja:p0-2"},
    {"DP3AKB", "Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana",
     "Kepala Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana", JPT, FAM_SOSIAL, TR_SOSIAL, OPD_PLAIN,
     "Bidang Pemberdayaan Perempuan:Seksi Kualitas Hidup Perempuan"
     "|Bidang Perlindungan Anak:Seksi Pemenuhan Hak Anak"
     "|Bidang Keluarga Berencana:Seksi Penyuluhan dan Penggerakan",
     "Penyuluh Keluarga Berencana:p1-3,m0-2|Pekerja Sosial:p0-1"},
    {"DKP", "Dinas Ketahanan Pangan", "Kepala Dinas Ketahanan Pangan", JPT, FAM_TANI, TR_TANI, OPD_PLAIN,
     "Bidang Ketersediaan dan Distribusi Pangan:Seksi Distribusi Pangan"
     "|Bidang Konsumsi dan Keamanan Pangan:Seksi Keamanan Pangan",
     "Analis Ketahanan Pangan:p1-2,m0-1|Pengawas Mutu Hasil Pertanian:p0-1"},
    {"DLH", "Dinas Lingkungan Hidup", "Kepala Dinas Lingkungan Hidup", JPT, FAM_LH, TR_LINGKUNGAN, OPD_PLAIN,
     "Bidang Tata Lingkungan:Seksi Kajian Dampak Lingkungan"
     "|Bidang Pengelolaan Sampah dan Limbah B3:Seksi Pengelolaan Sampah;Seksi Limbah B3"
     "|Bidang Pengendalian Pencemaran:Seksi Pemantauan Lingkungan",
     "Pengendali Dampak Lingkungan:p1-3,m0-2|Pengawas Lingkungan Hidup:p0-2"},
    {"DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", "Kepala Dinas Kependudukan dan Pencatatan Sipil", JPT, FAM_DUK, TR_ADMIN, OPD_PLAIN,
     "Bidang Pelayanan Pendaftaran Penduduk:Seksi Identitas Penduduk;Seksi Pindah Datang"
     "|Bidang Pelayanan Pencatatan Sipil:Seksi Kelahiran dan Kematian;Seksi Perkawinan dan Perceraian"
     "|Bidang Pengelolaan Informasi Administrasi Kependudukan:Seksi Sistem Informasi",
     "Administrator Database Kependudukan:p1-2,m0-1|Pranata Komputer:t0-2"},
    {"DPMD", "Dinas Pemberdayaan Masyarakat dan Desa", "Kepala Dinas Pemberdayaan Masyarakat dan Desa", JPT, FAM_PEM, TR_ADMIN, OPD_PLAIN,
     "Bidang Pemerintahan Desa:Seksi Administrasi Pemerintahan Desa;Seksi Keuangan dan Aset Desa"
     "|Bidang Pemberdayaan Masyarakat:Seksi Kelembagaan Masyarakat",
     "Penggerak Swadaya Masyarakat:p1-3,m0-1"},
    {"DISHUB", "Dinas Perhubungan", "Kepala Dinas Perhubungan", JPT, FAM_TEKNIK, TR_TEKNIK, OPD_PLAIN,
     "Bidang Lalu Lintas:Seksi Manajemen dan Rekayasa Lalu Lintas"
     "|Bidang Angkutan:Seksi Angkutan Orang dan Barang"
     "|Bidang Sarana dan Prasarana:Seksi Pengujian Sarana",
     "Penguji Kendaraan Bermotor:t1-3,p0-1"},
    {"DISKOMINFO", "Dinas Komunikasi, Informatika dan Statistik", "Kepala Dinas Komunikasi, Informatika dan Statistik", JPT, FAM_TI, TR_IT, OPD_PLAIN,
     "Bidang Informasi dan Komunikasi Publik:Seksi Pengelolaan Informasi Publik"
     "|Bidang Aplikasi Informatika:Seksi Infrastruktur dan Teknologi;Seksi Layanan E-Government"
     "|Bidang Statistik dan Persandian:Seksi Statistik Sektoral",
     "Pranata Komputer:p1-3,m0-1,t0-2|Pranata Hubungan Masyarakat:p0-2,t0-1|Statistisi:p0-1"},
    {"DINKOPUKM", "Dinas Koperasi, Usaha Kecil dan Menengah", "Kepala Dinas Koperasi, Usaha Kecil dan Menengah", JPT, FAM_EKON, TR_KEU, OPD_PLAIN,
     "Bidang Koperasi:Seksi Kelembagaan dan Pengawasan Koperasi"
     "|Bidang Usaha Mikro:Seksi Pemberdayaan Usaha Mikro",
     "Pengawas Koperasi:p1-2,m0-1"},
    {"DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
     "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", JPT, FAM_EKON, TR_ADMIN, OPD_PLAIN,
     "Bidang Penanaman Modal:Seksi Promosi Penanaman Modal"
     "|Bidang Pelayanan Perizinan:Seksi Perizinan Usaha;Seksi Perizinan Nonusaha"
     "|Bidang Pengaduan dan Informasi:Seksi Pengaduan",
     "Analis Kebijakan:p0-2"},
    {"DISPARPORA", "Dinas Pariwisata, Pemuda dan Olahraga", "Kepala Dinas Pariwisata, Pemuda dan Olahraga", JPT, FAM_EKON, TR_ADMIN, OPD_PLAIN,
     "Bidang Destinasi Pariwisata:Seksi Pengembangan Destinasi"
     "|Bidang Pemuda dan Olahraga:Seksi Pembinaan Olahraga",
     "Adyatama Kepariwisataan dan Ekonomi Kreatif:p1-2"},
    {"DISPUSIP", "Dinas Perpustakaan dan Kearsipan", "Kepala Dinas Perpustakaan dan Kearsipan", JPT, FAM_ADMIN, TR_ADMIN, OPD_PLAIN,
     "Bidang Perpustakaan:Seksi Layanan Perpustakaan"
     "|Bidang Kearsipan:Seksi Pengelolaan Arsip",
     "Pustakawan:p1-2,t1-2|Arsiparis:p0-2,t0-2"},
    {"DISPERTAN", "Dinas Pertanian", "Kepala Dinas Pertanian", JPT, FAM_TANI, TR_TANI, OPD_PLAIN,
     "Bidang Tanaman Pangan dan Hortikultura:Seksi Produksi Tanaman Pangan;Seksi Hortikultura"
     "|Bidang Peternakan dan Kesehatan Hewan:Seksi Kesehatan Hewan"
     "|Bidang Penyuluhan:Seksi Kelembagaan Penyuluhan;Seksi Ketenagaan Penyuluh"
     "|Bidang Prasarana dan Sarana Pertanian:Seksi Lahan dan Irigasi",
     "Penyuluh Pertanian:p1-4,m1-3,t1-4,h0-2|Medik Veteriner:p0-1|Paramedik Veteriner:t0-2"},
    {"DISKAN", "Dinas Perikanan", "Kepala Dinas Perikanan", JPT, FAM_TANI, TR_TANI, OPD_PLAIN,
     "Bidang Perikanan Budidaya:Seksi Produksi Budidaya"
     "|Bidang Perikanan Tangkap:Seksi Kapal dan Alat Tangkap",
     "Penyuluh Perikanan:p1-2,t0-2"},
    {"DISPERINDAG", "Dinas Perdagangan dan Perindustrian", "Kepala Dinas Perdagangan dan Perindustrian", JPT, FAM_EKON, TR_KEU, OPD_PLAIN,
     "Bidang Perdagangan:Seksi Pasar;Seksi Metrologi Legal"
     "|Bidang Perindustrian:Seksi Industri Kecil dan Menengah",
     "Pengawas Perdagangan:p0-2|Penera:t1-2"},
};
const size_t nopds = sizeof opds / sizeof opds[0];

const char *const kecamatan_seksi[] = {
    "Seksi Pemerintahan", "Seksi Ketenteraman dan Ketertiban Umum",
    "Seksi Kesejahteraan Sosial", "Seksi Pemberdayaan Masyarakat dan Desa",
    "Seksi Pelayanan Umum",
};
const size_t nkecamatan_seksi = sizeof kecamatan_seksi / sizeof kecamatan_seksi[0];
const char *const kecamatan_jobs =
    "Penelaah Teknis Kebijakan:x0-2|Pengadministrasi Perkantoran:x1-2"
    "|Operator Layanan Operasional:x0-2|Penggerak Swadaya Masyarakat:p0-1";

const char *const sd_jobs =
    "Kepala Sekolah (Guru):d1-1|Guru Kelas:p0-2,m1-2,d1-3|Guru Pendidikan Agama Islam:m0-1"
    "|Guru Pendidikan Jasmani, Olahraga dan Kesehatan:p0-1|Pengadministrasi Perkantoran:x0-1";
const char *const smp_jobs =
    "Kepala Sekolah (Guru):d1-1|Guru Matematika:p0-1,m1-2,d0-1|Guru Bahasa Indonesia:p0-1,m1-2,d0-1"
    "|Guru Bahasa Inggris:p0-1,m0-2,d0-1|Guru Ilmu Pengetahuan Alam:p0-1,m1-2,d0-1"
    "|Guru Ilmu Pengetahuan Sosial:p0-1,m0-2,d0-1|Guru Pendidikan Pancasila:m0-1,d0-1"
    "|Guru Pendidikan Agama Islam:p0-1,m0-1|Guru Pendidikan Jasmani, Olahraga dan Kesehatan:p0-1,m0-1"
    "|Guru Seni Budaya:p0-1,m0-1|Guru Bimbingan dan Konseling:p0-1,m0-1|Guru Informatika:p0-1"
    "|Pengadministrasi Perkantoran:x1-2|Pengelola Layanan Operasional:x0-1";
const char *const puskesmas_jobs =
    "Dokter:p0-2,m0-1|Dokter Gigi:p0-1|Perawat:t1-4,h0-2,p1-2,m0-2|Bidan:t1-4,h0-2,p0-2"
    "|Apoteker:p0-1|Asisten Apoteker:t0-2|Pranata Laboratorium Kesehatan:t0-2|Nutrisionis:t0-1"
    "|Tenaga Sanitasi Lingkungan:t0-1|Penyuluh Kesehatan Masyarakat:p0-1|Epidemiolog Kesehatan:p0-1"
    "|Perekam Medis:t0-1|Pengadministrasi Perkantoran:x1-2|Pengelola Layanan Operasional:x0-1";
