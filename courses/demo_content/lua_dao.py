"""Nhận biết và phòng tránh lừa đảo trực tuyến: demo course content. Sources are named per lesson."""

COURSE = {
    "key": "lua-dao",
    "title": "Nhận biết và phòng tránh lừa đảo trực tuyến",
    "summary": "Nhận ra cuộc gọi giả công an, ứng dụng và đường link giả, các chiêu lừa thường gặp. Biết phải làm gì ngay nếu lỡ bị lừa và báo ở đâu.",
    "audience": "Dành cho: mọi người dùng điện thoại, nhất là người lớn tuổi hay nhận cuộc gọi, tin nhắn lạ.",
    "estimated_minutes": 12,
    "skills": ["an-toan"],
    "cover": {"label": "Chống lừa", "color": "#991b1b"},
    "lessons": [
        {
            "key": "gia-cong-an-vneid",
            "title": "Cuộc gọi giả công an về VNeID",
            "intro": "Kẻ gian hay gọi điện xưng là công an, nói VNeID hay căn cước của bạn bị lỗi. Bài này giúp bạn nhận ra chiêu này và cúp máy kịp thời.",
            "estimated_minutes": 3,
            "sources": [
                {
                    "name": "CafeF, Công an TP.HCM",
                    "date": "10/2023",
                    "url": "https://cafef.vn/canh-bao-cuoc-goi-mao-danh-cong-an-lua-dao-huong-dan-kich-hoat-dinh-danh-dien-tu-188231006135626628.chn",
                },
                {
                    "name": "Báo Nghệ An, Bộ Công an cảnh báo",
                    "date": "07/2025",
                    "url": "https://baonghean.vn/bo-cong-an-canh-bao-nguoi-dan-khong-tu-cap-nhat-vneid-khong-cung-cap-thong-tin-qua-dien-thoai-hay-duong-link-la-10301670.html",
                },
                {
                    "name": "Dân trí, Công an TP Đà Nẵng",
                    "date": "18/07/2025",
                    "url": "https://dantri.com.vn/phap-luat/cong-an-rom-yeu-cau-cap-nhat-vneid-nguoi-phu-nu-mat-gan-130-trieu-dong-20250718223608817.htm",
                },
                {
                    "name": "CafeF",
                    "date": "10/08/2025",
                    "url": "https://cafef.vn/nghe-dien-thoai-co-noi-dung-nay-hay-tat-may-ngay-lap-tuc-18825081006551938.chn",
                },
                {
                    "name": "Sài Gòn Giải Phóng (SGGP)",
                    "date": "09/2023",
                    "url": "https://www.sggp.org.vn/canh-giac-voi-nguoi-la-goi-dien-kich-hoat-dum-dinh-danh-dien-tu-muc-2-post705431.html",
                },
            ],
            "body": [
                (
                    "text",
                    "Kẻ gian tự xưng là công an, cảnh sát khu vực hoặc cán bộ xã, phường. Họ nói căn cước của bạn bị lỗi, hoặc VNeID cần “đồng bộ”, “chuẩn hóa”, “kích hoạt mức 2 tại nhà”. Rồi họ gửi đường link qua Zalo, Facebook hay tin nhắn để bạn cài một ứng dụng giả.",
                ),
                (
                    "callout",
                    {
                        "kind": "scam",
                        "title": "Chiêu mới sau sáp nhập tỉnh, xã tháng 7/2025",
                        "text": "Kẻ gian đòi bạn “cập nhật địa chỉ, quê quán theo địa giới mới trên VNeID”, có khi kèm một khoản “phí” nhỏ như 22.000 đồng. Ở Đà Nẵng, một người làm theo và mất 129 triệu đồng (13/7/2025). Ở Hà Nội, một người khác mất hơn 2 tỷ đồng.",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Nhớ: công an không làm VNeID qua điện thoại",
                        "text": "Công an chỉ hỗ trợ kích hoạt định danh điện tử trực tiếp cho người dân. Họ không gọi điện để hướng dẫn bạn kích hoạt.",
                        "card": "Công an không hướng dẫn VNeID qua điện thoại",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Không cần tự cập nhật địa chỉ mới",
                        "text": "Sau sáp nhập, địa giới hành chính, nơi thường trú và quê quán được hệ thống tự cập nhật. Bạn không phải làm gì trên VNeID.",
                        "card": "Địa chỉ mới: hệ thống tự cập nhật",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Cúp máy, không bấm link",
                        "text": "Không làm theo lời người gọi. Không bấm đường link họ gửi. Không chuyển bất kỳ khoản “phí” nào.",
                        "card": "Cúp máy, không bấm link, không chuyển tiền",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Cần làm gì thì đến Công an xã, phường",
                        "text": "Nếu thật sự cần sửa thông tin, bạn tự đến trụ sở Công an xã, phường nơi mình ở để được hướng dẫn trực tiếp.",
                        "card": "Đến trực tiếp Công an xã, phường",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "title": "Chỉ có một ứng dụng VNeID",
                        "text": "Chỉ có một ứng dụng duy nhất là VNeID. Tài khoản mức 2 phải tự mình đến Công an cấp xã làm, vì phải chụp ảnh và lấy vân tay. Không ai làm thay được qua điện thoại.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q1",
                        "kind": "single",
                        "prompt": "Một người xưng là công an phường gọi điện, bảo bạn cập nhật quê quán theo địa giới mới trên VNeID và chuyển 22.000 đồng phí. Bạn nên làm gì?",
                        "options": [
                            {
                                "key": "a",
                                "text": "Cúp máy, không chuyển tiền, không bấm link.",
                                "correct": True,
                                "feedback": "Đúng. Địa chỉ, quê quán mới được hệ thống tự cập nhật, bạn không phải làm gì.",
                            },
                            {
                                "key": "b",
                                "text": "Chuyển tiền luôn vì số tiền nhỏ.",
                                "correct": False,
                                "feedback": "Khoản nhỏ chỉ là mồi. Có người làm theo và mất 129 triệu đồng.",
                            },
                            {
                                "key": "c",
                                "text": "Bấm vào link họ gửi để xem thử.",
                                "correct": False,
                                "feedback": "Link này thường dẫn tới ứng dụng giả để lấy tiền trong tài khoản của bạn.",
                            },
                        ],
                        "explanation": "Công an không hướng dẫn VNeID qua điện thoại. Nếu cần, hãy tự đến Công an xã, phường.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q2",
                        "kind": "true_false",
                        "prompt": "Sau khi sáp nhập tỉnh, xã tháng 7/2025, mỗi người phải tự vào VNeID để cập nhật địa chỉ mới.",
                        "options": [
                            {
                                "key": "true",
                                "text": "Đúng",
                                "correct": False,
                                "feedback": "Không đúng. Hệ thống tự cập nhật, người dân không phải tự làm.",
                            },
                            {
                                "key": "false",
                                "text": "Sai",
                                "correct": True,
                                "feedback": "Chính xác. Ai bảo bạn tự cập nhật là dấu hiệu lừa đảo.",
                            },
                        ],
                        "explanation": "Bộ Công an cho biết địa giới, nơi thường trú và quê quán được hệ thống tự cập nhật.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q3",
                        "kind": "multiple",
                        "prompt": "Những điều nào là dấu hiệu của cuộc gọi giả công an? (Chọn tất cả ý đúng)",
                        "options": [
                            {
                                "key": "a",
                                "text": "Nói VNeID hay căn cước của bạn bị lỗi, cần “đồng bộ”.",
                                "correct": True,
                                "feedback": "Đúng, đây là lời mở đầu quen thuộc của kẻ gian.",
                            },
                            {
                                "key": "b",
                                "text": "Gửi link qua Zalo hoặc tin nhắn để bạn cài ứng dụng.",
                                "correct": True,
                                "feedback": "Đúng. Ứng dụng cài từ link như vậy là ứng dụng giả.",
                            },
                            {
                                "key": "c",
                                "text": "Đòi kích hoạt mức 2 cho bạn ngay tại nhà qua điện thoại.",
                                "correct": True,
                                "feedback": "Đúng. Mức 2 phải tự đến Công an cấp xã làm, không làm qua điện thoại.",
                            },
                            {
                                "key": "d",
                                "text": "Cán bộ ở trụ sở Công an xã hướng dẫn khi bạn tự đến hỏi.",
                                "correct": False,
                                "feedback": "Đây là cách làm đúng và an toàn, không phải dấu hiệu lừa đảo.",
                            },
                        ],
                        "explanation": "Cứ nghe nói lỗi VNeID, đồng bộ, cài ứng dụng qua link là cúp máy.",
                    },
                ),
            ],
        },
        {
            "key": "ung-dung-link-gia",
            "title": "Ứng dụng giả và đường link giả",
            "intro": "Sau cuộc gọi, kẻ gian thường gửi link để bạn cài ứng dụng giả. Ứng dụng này có thể rút sạch tiền trong tài khoản ngân hàng.",
            "estimated_minutes": 3,
            "sources": [
                {
                    "name": "CafeF, Bộ Công an khuyến cáo",
                    "date": "08/02/2024",
                    "url": "https://cafef.vn/bo-cong-an-khuyen-cao-4-dieu-nguoi-dan-can-luu-y-de-tranh-bi-chiem-doat-tai-khoan-ngan-hang-188240208104440651.chn",
                },
                {
                    "name": "Báo Lâm Đồng, Bộ Công an cảnh báo",
                    "date": "07/2025",
                    "url": "https://baolamdong.vn/canh-bao-thu-doan-lua-dao-cai-ung-dung-vneid-gia-mao-381194.html",
                },
                {
                    "name": "VietNamNet",
                    "date": "15/02/2026",
                    "url": "https://vietnamnet.vn/ngan-hang-canh-bao-thu-doan-lua-dao-lien-ket-vi-apple-google-2490429.html",
                },
                {
                    "name": "Petrotimes, Bộ Công an hướng dẫn",
                    "date": "24/01/2025",
                    "url": "https://petrotimes.vn/bo-cong-an-huong-dan-cach-nhan-dien-website-lua-dao-723537.html",
                },
            ],
            "body": [
                (
                    "text",
                    "Ứng dụng giả thường mang tên VNeID hoặc Cổng Dịch vụ công. Khi cài, nó xin những quyền rất cao: đọc tin nhắn, đọc mã OTP, xem màn hình. Có khi nó bảo bạn nhìn vào camera để lấy khuôn mặt. Sau đó kẻ gian lấy tiền trong tài khoản ngân hàng của bạn.",
                ),
                (
                    "step",
                    {
                        "title": "Chỉ cài từ kho ứng dụng chính thức",
                        "text": "Dùng App Store nếu là iPhone, CH Play nếu là điện thoại Android. Tự gõ tên ứng dụng để tìm, ví dụ “VNeID”.",
                        "card": "Chỉ cài từ App Store hoặc CH Play",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Không cài từ link người khác gửi",
                        "text": "Không cài ứng dụng từ link gửi qua điện thoại, Zalo hay Facebook. Không cài tệp có đuôi .apk. Ai bảo bật “cài đặt ứng dụng từ nguồn không xác định” thì từ chối.",
                        "card": "Không cài từ link, không cài tệp .apk",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Không đưa mã OTP cho ai",
                        "text": "Ngân hàng không bao giờ hỏi mã OTP, mật khẩu hay thông tin thẻ. Tin nhắn OTP có ghi rõ mã dùng để làm gì, hãy đọc kỹ. Chỉ cần đưa OTP là có thể mất tiền.",
                        "card": "Mã OTP: không đưa cho bất kỳ ai",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Kiểm tra trang web lạ",
                        "text": "Mở trang tinnhiemmang.vn/website-lua-dao, gõ tên trang web cần kiểm tra rồi bấm «Tìm kiếm». Trang sẽ cho biết tên đó có nằm trong danh sách lừa đảo không.",
                        "card": "Tra trang web tại tinnhiemmang.vn",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "scam",
                        "title": "Đòi nhìn vào camera là dấu hiệu nguy hiểm",
                        "text": "Nếu ai đó hướng dẫn qua điện thoại rồi bảo bạn nhìn vào camera trong một ứng dụng vừa cài, hãy dừng lại ngay. Kẻ gian có thể dùng khuôn mặt của bạn để rút tiền.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q1",
                        "kind": "single",
                        "prompt": "Cách nào an toàn để cài ứng dụng VNeID?",
                        "options": [
                            {
                                "key": "a",
                                "text": "Tự tìm “VNeID” trên App Store hoặc CH Play.",
                                "correct": True,
                                "feedback": "Đúng. Chỉ cài từ kho ứng dụng chính thức.",
                            },
                            {
                                "key": "b",
                                "text": "Bấm link mà “cán bộ” gửi qua Zalo.",
                                "correct": False,
                                "feedback": "Link gửi qua Zalo thường dẫn tới ứng dụng giả.",
                            },
                            {
                                "key": "c",
                                "text": "Cài tệp .apk mà người quen gửi qua tin nhắn.",
                                "correct": False,
                                "feedback": "Không cài tệp .apk từ link hay tin nhắn, dù người gửi là ai.",
                            },
                        ],
                        "explanation": "Ứng dụng thật chỉ tải từ App Store hoặc CH Play.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q2",
                        "kind": "multiple",
                        "prompt": "Khi cài một ứng dụng, gặp điều nào sau đây thì bạn nên dừng lại? (Chọn tất cả ý đúng)",
                        "options": [
                            {
                                "key": "a",
                                "text": "Ứng dụng xin quyền đọc tin nhắn và mã OTP.",
                                "correct": True,
                                "feedback": "Đúng. Ứng dụng giả xin quyền này để lấy mã OTP của bạn.",
                            },
                            {
                                "key": "b",
                                "text": "Người gọi điện bảo bạn nhìn vào camera trong ứng dụng vừa cài.",
                                "correct": True,
                                "feedback": "Đúng. Kẻ gian dùng cách này để lấy khuôn mặt của bạn.",
                            },
                            {
                                "key": "c",
                                "text": "Bạn được bảo bật cài ứng dụng từ nguồn không xác định.",
                                "correct": True,
                                "feedback": "Đúng. Bộ Công an khuyên không bật tùy chọn này.",
                            },
                            {
                                "key": "d",
                                "text": "Bạn tự tìm thấy ứng dụng VNeID trên CH Play.",
                                "correct": False,
                                "feedback": "Đây là cách cài đúng, không có gì phải lo.",
                            },
                        ],
                        "explanation": "Quyền đọc tin nhắn, quét khuôn mặt theo lời người lạ, cài từ nguồn lạ đều là dấu hiệu nguy hiểm.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q3",
                        "kind": "true_false",
                        "prompt": "Nhân viên ngân hàng có thể gọi điện hỏi mã OTP để xác minh tài khoản.",
                        "options": [
                            {
                                "key": "true",
                                "text": "Đúng",
                                "correct": False,
                                "feedback": "Không đúng. Ngân hàng không bao giờ hỏi mã OTP dưới bất kỳ hình thức nào.",
                            },
                            {
                                "key": "false",
                                "text": "Sai",
                                "correct": True,
                                "feedback": "Chính xác. Ai hỏi mã OTP đều là kẻ gian.",
                            },
                        ],
                        "explanation": "Bộ Công an khuyên tuyệt đối không đưa mã OTP cho người khác.",
                    },
                ),
            ],
        },
        {
            "key": "chieu-lua-khac",
            "title": "Những chiêu lừa thường gặp khác",
            "intro": "Kẻ gian còn giả nhân viên điện lực, cán bộ thuế, người tuyển việc làm hay người cho vay tiền. Mỗi chiêu có dấu hiệu riêng để bạn nhận ra.",
            "estimated_minutes": 3,
            "sources": [
                {
                    "name": "VnExpress, EVNSPC khuyến cáo",
                    "date": "01/10/2025",
                    "url": "https://vnexpress.net/evnspc-khuyen-cao-can-trong-khi-nhan-cuoc-goi-tu-xung-nhan-vien-dien-luc-4945967.html",
                },
                {
                    "name": "VTC News, EVNHANOI khuyến cáo",
                    "date": "10/10/2025",
                    "url": "https://vtcnews.vn/evnhanoi-khuyen-cao-khach-hang-ve-thu-doan-mao-danh-nganh-dien-de-lua-dao-ar970391.html",
                },
                {
                    "name": "Báo Gia Lai, cảnh báo mạo danh cơ quan Thuế",
                    "date": "16/01/2026",
                    "url": "https://baogialai.com.vn/canh-bao-tinh-trang-mao-danh-co-quan-thue-de-lua-dao-chiem-doat-tai-san-post577521.html",
                },
                {
                    "name": "CafeF, Công an Hà Nội",
                    "date": "03/2024",
                    "url": "https://cafef.vn/thanh-toan-15-ty-dong-tien-hang-co-gai-tre-khong-nhan-duoc-hoa-hong-lai-them-mot-nan-nhan-bi-lua-188240316103825901.chn",
                },
                {
                    "name": "Kinh tế & Đô thị, Công an Hà Nội",
                    "date": "",
                    "url": "https://kinhtedothi.vn/canh-bao-lua-dao-vay-tien-qua-mang-675903.html",
                },
            ],
            "body": [
                (
                    "step",
                    {
                        "title": "Giả nhân viên điện lực",
                        "text": "Họ báo bạn nợ tiền điện, sắp bị cắt điện, rồi rủ kết bạn Zalo và cài ứng dụng “theo dõi tiền điện”. Điện lực miền Nam (EVNSPC) không liên hệ bằng số cá nhân và không gửi link qua Zalo. Ứng dụng chăm sóc khách hàng thật chỉ có trên App Store, CH Play và không đòi khuôn mặt hay vân tay.",
                        "card": "Điện lực không gửi link cài app qua Zalo",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Giả cơ quan thuế",
                        "text": "Họ gọi, nhắn tin về “hoàn thuế”, “giảm thuế”, “cập nhật eTax”, hoặc gửi giấy mời giả có dấu đỏ. Ngành Thuế chỉ có một ứng dụng điện thoại là eTax Mobile. Cơ quan thuế không hỏi OTP, mật khẩu qua điện thoại, tin nhắn, mạng xã hội và không bảo cài tệp .apk.",
                        "card": "Thuế không hỏi OTP, không gửi tệp .apk",
                    },
                ),
                (
                    "step",
                    {
                        "title": "“Việc nhẹ lương cao”, làm nhiệm vụ",
                        "text": "Lúc đầu họ giao việc nhỏ và trả hoa hồng thật. Sau đó họ bắt nạp tiền lớn hơn, rồi báo “sai cú pháp”, “hệ thống lỗi” để đòi nạp thêm mới cho rút. Ở Hà Nội có người mất hàng tỷ đồng.",
                        "card": "Việc phải nạp tiền trước là lừa đảo",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Vay tiền qua mạng",
                        "text": "Họ hứa “không thế chấp, giải ngân 10 phút”. Rồi họ đòi “phí bảo hiểm khoản vay”, “phí bảo lãnh”, hoặc báo “sai số tài khoản”, “tài khoản bị đóng băng” để bắt nộp tiền. Nơi cho vay đàng hoàng không thu phí trước khi giải ngân.",
                        "card": "Chưa nhận tiền vay đã đòi phí: lừa đảo",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "scam",
                        "title": "Giả người giao hàng",
                        "text": "Kẻ gian biết tên bạn và đơn hàng, đòi chuyển vài nghìn đồng “phí xuất kho” rồi gửi link lấy tài khoản ngân hàng. Chiêu này được nói kỹ trong khóa “Mua bán hàng trực tuyến an toàn”.",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "title": "Quy tắc chung",
                        "text": "Không chuyển tiền để “xác minh”, “mở khóa” hay “lấy lại tiền”. Muốn kiểm tra, hãy tự gọi số tổng đài chính thức hoặc đến tận nơi hỏi. Ở Hà Nội, tổng đài điện lực EVNHANOI là 19001288.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q1",
                        "kind": "single",
                        "prompt": "Một người xưng nhân viên điện lực nhắn Zalo, báo sắp cắt điện và gửi link cài ứng dụng theo dõi tiền điện. Bạn làm gì?",
                        "options": [
                            {
                                "key": "a",
                                "text": "Không cài, tự gọi tổng đài chính thức của điện lực để hỏi.",
                                "correct": True,
                                "feedback": "Đúng. Điện lực không gửi link cài ứng dụng qua Zalo.",
                            },
                            {
                                "key": "b",
                                "text": "Cài ngay để khỏi bị cắt điện.",
                                "correct": False,
                                "feedback": "Ứng dụng cài từ link này là ứng dụng giả, có người đã mất hàng trăm triệu đồng.",
                            },
                            {
                                "key": "c",
                                "text": "Cài rồi quét khuôn mặt như họ hướng dẫn.",
                                "correct": False,
                                "feedback": "Ứng dụng chăm sóc khách hàng thật không đòi khuôn mặt hay vân tay.",
                            },
                        ],
                        "explanation": "Thấy “sắp cắt điện” kèm link cài ứng dụng là dấu hiệu lừa đảo.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q2",
                        "kind": "multiple",
                        "prompt": "Khi vay tiền qua mạng, điều nào là dấu hiệu lừa đảo? (Chọn tất cả ý đúng)",
                        "options": [
                            {
                                "key": "a",
                                "text": "Đòi “phí bảo hiểm khoản vay” trước khi giải ngân.",
                                "correct": True,
                                "feedback": "Đúng. Nơi cho vay đàng hoàng không thu phí trước khi giải ngân.",
                            },
                            {
                                "key": "b",
                                "text": "Báo “tài khoản bị đóng băng”, phải nộp tiền mới mở được.",
                                "correct": True,
                                "feedback": "Đúng. Đây là cớ để bắt bạn nộp thêm tiền.",
                            },
                            {
                                "key": "c",
                                "text": "Báo bạn ghi “sai số tài khoản” và đòi nộp tiền để sửa.",
                                "correct": True,
                                "feedback": "Đúng. Kẻ gian hay dùng lý do này.",
                            },
                            {
                                "key": "d",
                                "text": "Không thu đồng phí nào trước khi giải ngân.",
                                "correct": False,
                                "feedback": "Không thu phí trước là cách làm của nơi cho vay đàng hoàng.",
                            },
                        ],
                        "explanation": "Chưa nhận được tiền vay mà đã phải nộp tiền là lừa đảo.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q3",
                        "kind": "true_false",
                        "prompt": "eTax Mobile là ứng dụng điện thoại duy nhất của ngành Thuế.",
                        "options": [
                            {
                                "key": "true",
                                "text": "Đúng",
                                "correct": True,
                                "feedback": "Chính xác. Ứng dụng thuế khác gửi qua link là giả.",
                            },
                            {
                                "key": "false",
                                "text": "Sai",
                                "correct": False,
                                "feedback": "Ngành Thuế cho biết eTax Mobile là ứng dụng điện thoại duy nhất của mình.",
                            },
                        ],
                        "explanation": "Cơ quan thuế không bảo bạn cài tệp .apk hay đưa mã OTP.",
                    },
                ),
            ],
        },
        {
            "key": "lo-bi-lua",
            "title": "Lỡ bị lừa: làm gì ngay và báo ở đâu",
            "intro": "Nếu lỡ bấm link, cài ứng dụng lạ hay chuyển tiền, hãy làm ngay các bước dưới đây. Càng nhanh càng có cơ hội giữ lại tiền.",
            "estimated_minutes": 3,
            "sources": [
                {
                    "name": "Báo Lâm Đồng, Bộ Công an cảnh báo",
                    "date": "07/2025",
                    "url": "https://baolamdong.vn/canh-bao-thu-doan-lua-dao-cai-ung-dung-vneid-gia-mao-381194.html",
                },
                {
                    "name": "Soha, Công an tỉnh An Giang",
                    "date": "04/03/2026",
                    "url": "https://soha.vn/thong-bao-quan-trong-lien-quan-den-sieu-ung-dung-hang-chuc-trieu-nguoi-dang-dung-198260303173821233.htm",
                },
                {
                    "name": "CafeF, Công an tỉnh Điện Biên",
                    "date": "23/02/2026",
                    "url": "https://cafef.vn/cong-an-thong-tin-ve-tinh-nang-tren-vneid-nguoi-dan-can-biet-188260223151848277.chn",
                },
                {
                    "name": "Sài Gòn Giải Phóng (SGGP), đường dây nóng báo lừa đảo",
                    "date": "",
                    "url": "https://m.sggp.org.vn/0339035656-duong-day-nong-thong-bao-lua-dao-online-777776.html",
                },
                {
                    "name": "Thời báo Tài chính Việt Nam",
                    "date": "04/2024",
                    "url": "https://thoibaotaichinhvietnam.vn/gia-mao-website-trung-tam-giam-sat-an-toan-khong-gian-mang-quoc-gia-de-lua-dao-148128.html",
                },
            ],
            "body": [
                (
                    "step",
                    {
                        "title": "Gọi ngay tổng đài ngân hàng",
                        "text": "Gọi số tổng đài ngân hàng của bạn và đề nghị khóa tài khoản. Nếu đã chuyển tiền, đề nghị tra soát và phong tỏa tài khoản nhận tiền.",
                        "card": "Gọi ngân hàng khóa tài khoản ngay",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Tắt nguồn điện thoại",
                        "text": "Nếu đã cài ứng dụng lạ hay bấm link, hãy tắt nguồn điện thoại sau khi báo ngân hàng. Bộ Công an khuyên làm việc này ngay.",
                        "card": "Tắt nguồn điện thoại",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Báo công an",
                        "text": "Đến cơ quan công an gần nhất. Mang theo ảnh chụp tin nhắn, số điện thoại kẻ gian và số tài khoản đã chuyển tiền.",
                        "card": "Báo công an gần nhất",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Hoặc báo trên VNeID",
                        "text": "Với tài khoản VNeID mức 2, vào «Dịch vụ khác» hoặc «Phản ánh, kiến nghị», chọn nội dung, bấm «Tạo mới yêu cầu». Mô tả sự việc và đính kèm ảnh chụp màn hình, đường link.",
                        "card": "VNeID: «Phản ánh, kiến nghị»",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Báo tin nhắn, cuộc gọi lừa đảo",
                        "text": "Tin nhắn rác, cuộc gọi lừa đảo có thể báo cho VNCERT/CC qua đầu số 5656 (hoặc 156), hoặc trên trang thongbaorac.ais.gov.vn.",
                        "card": "Báo tin nhắn lừa đảo: 5656",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "scam",
                        "title": "Coi chừng bị lừa lần hai",
                        "text": "Có trang web và người lạ hứa “lấy lại tiền bị lừa” nhưng đòi phí trước: đó cũng là kẻ gian. Tháng 3/2024, Bộ Công an cho biết Cục An ninh mạng (A05) không có trang web hay fanpage riêng.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q1",
                        "kind": "single",
                        "prompt": "Bạn vừa cài một ứng dụng lạ theo lời “công an” gọi đến. Bạn nên làm gì trước tiên?",
                        "options": [
                            {
                                "key": "a",
                                "text": "Gọi ngay ngân hàng để khóa tài khoản, rồi tắt nguồn điện thoại.",
                                "correct": True,
                                "feedback": "Đúng. Đây là lời khuyên của Bộ Công an, càng nhanh càng tốt.",
                            },
                            {
                                "key": "b",
                                "text": "Chờ xem tài khoản có bị mất tiền không.",
                                "correct": False,
                                "feedback": "Chờ đợi rất nguy hiểm, kẻ gian có thể rút tiền rất nhanh.",
                            },
                            {
                                "key": "c",
                                "text": "Gọi lại số vừa gọi để hỏi cho rõ.",
                                "correct": False,
                                "feedback": "Số đó là của kẻ gian. Hãy gọi tổng đài chính thức của ngân hàng.",
                            },
                        ],
                        "explanation": "Khóa tài khoản và tắt điện thoại ngay, sau đó báo công an.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q2",
                        "kind": "multiple",
                        "prompt": "Bạn có thể báo lừa đảo ở đâu? (Chọn tất cả ý đúng)",
                        "options": [
                            {
                                "key": "a",
                                "text": "Cơ quan công an gần nhất.",
                                "correct": True,
                                "feedback": "Đúng. Mang theo ảnh chụp tin nhắn và số tài khoản.",
                            },
                            {
                                "key": "b",
                                "text": "Mục «Phản ánh, kiến nghị» trên VNeID (tài khoản mức 2).",
                                "correct": True,
                                "feedback": "Đúng. Công an đã hướng dẫn cách báo qua VNeID.",
                            },
                            {
                                "key": "c",
                                "text": "Đầu số 5656 cho tin nhắn, cuộc gọi lừa đảo.",
                                "correct": True,
                                "feedback": "Đúng. Đây là kênh của VNCERT/CC.",
                            },
                            {
                                "key": "d",
                                "text": "Trang web lạ hứa lấy lại 99,9% số tiền bị lừa.",
                                "correct": False,
                                "feedback": "Trang như vậy đã bị cảnh báo là lừa đảo, nó chỉ lấy thêm tiền của bạn.",
                            },
                        ],
                        "explanation": "Chỉ báo qua công an, VNeID và các kênh chính thức.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q3",
                        "kind": "true_false",
                        "prompt": "Người đòi phí trước để giúp lấy lại tiền bị lừa là người đáng tin.",
                        "options": [
                            {
                                "key": "true",
                                "text": "Đúng",
                                "correct": False,
                                "feedback": "Không đúng. Ai đòi phí trước để lấy lại tiền đều là kẻ gian.",
                            },
                            {
                                "key": "false",
                                "text": "Sai",
                                "correct": True,
                                "feedback": "Chính xác. Đừng để bị lừa lần thứ hai.",
                            },
                        ],
                        "explanation": "Hãy báo công an, không trả phí cho ai hứa lấy lại tiền.",
                    },
                ),
            ],
        },
    ],
}
