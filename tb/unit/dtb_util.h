// SPDX-License-Identifier: MIT
// Device-tree blobs for unit tests: the default SoC's dtb and dtbs compiled
// from inline .dts text with dtc (header-only: the build globs *_test.cpp).
//
// The default dtb comes from IRQSIM_DEFAULT_DTB (a compile definition naming a
// dtb built by CMake) when defined; otherwise rtl/soc/irqsim_soc.dts is compiled
// with dtc at test time, found under IRQSIM_SOURCE_DIR if defined, else
// relative to this header.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>
#include <vector>

namespace irqsim_test {

inline std::vector<uint8_t> ReadFile(const std::string &path)
{
	std::ifstream in(path, std::ios::binary);
	return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// dtc on a .dts file; empty vector on failure (dtc's messages go to *err)
inline std::vector<uint8_t> CompileDtsFile(const std::string &dts_path, std::string *err = nullptr)
{
	char tmpl[] = "/tmp/irqsim_dtbXXXXXX";
	int fd = mkstemp(tmpl);
	if (fd < 0)
		return {};
	close(fd);
	std::string out = tmpl, errf = out + ".err";
	std::string cmd = "dtc -q -I dts -O dtb -o '" + out + "' '" + dts_path + "' 2>'" + errf + "'";
	int rc = std::system(cmd.c_str());
	std::vector<uint8_t> blob;
	if (rc == 0)
		blob = ReadFile(out);
	if (err) {
		auto e = ReadFile(errf);
		err->assign(e.begin(), e.end());
	}
	std::remove(out.c_str());
	std::remove(errf.c_str());
	return blob;
}

inline std::vector<uint8_t> CompileDts(const std::string &text, std::string *err = nullptr)
{
	char tmpl[] = "/tmp/irqsim_dtsXXXXXX";
	int fd = mkstemp(tmpl);
	if (fd < 0)
		return {};
	close(fd);
	{
		std::ofstream o(tmpl);
		o << text;
	}
	auto blob = CompileDtsFile(tmpl, err);
	std::remove(tmpl);
	return blob;
}

inline std::string DefaultDtsPath()
{
#ifdef IRQSIM_SOURCE_DIR
	return std::string(IRQSIM_SOURCE_DIR) + "/rtl/soc/irqsim_soc.dts";
#else
	std::string here = __FILE__; // .../tb/unit/dtb_util.h
	auto cut = here.rfind("/tb/unit/");
	return (cut == std::string::npos ? std::string(".") : here.substr(0, cut)) + "/rtl/soc/irqsim_soc.dts";
#endif
}

inline std::vector<uint8_t> DefaultDtb(std::string *err = nullptr)
{
#ifdef IRQSIM_DEFAULT_DTB
	(void)err;
	return ReadFile(IRQSIM_DEFAULT_DTB);
#else
	return CompileDtsFile(DefaultDtsPath(), err);
#endif
}

} // namespace irqsim_test
