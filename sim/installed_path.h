// SPDX-License-Identifier: MIT
// Data an installed irqsim keeps beside its executable: <prefix>/bin/<exe> finds
// <prefix>/share/irqsim/... through a path relative to its own directory.
#pragma once

#include <filesystem>
#include <string>

namespace irqsim {

// <this executable's directory>/<rel>, normalised, when <that>/<marker> exists;
// "" otherwise (an executable in a build tree, or /proc not readable)
inline std::string installed_path_beside_executable(const std::string& rel, const std::string& marker)
{
    if (rel.empty())
        return "";
    std::error_code ec;
    std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec)
        return "";
    std::filesystem::path p = (exe.parent_path() / rel).lexically_normal();
    return std::filesystem::exists(p / marker, ec) ? p.string() : "";
}

}  // namespace irqsim
